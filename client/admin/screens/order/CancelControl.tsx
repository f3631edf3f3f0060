import { useState } from 'react';
import type { OrderId } from '../../../../shared/ids';
import { ErrorLine } from '../../../common/ui/ErrorLine';
import { ReasonPicker } from '../../../common/ui/ReasonPicker';
import { useAdminDevice } from '../../model/AdminContext';

/** The reasons admins give most; the customer's tracking page and the outlet read them. */
const ADMIN_CANCEL_REASONS = ['Customer asked to cancel', 'Outlet cannot make it', 'No driver available', 'Duplicate order'] as const;

/** Cancel, with a reason. Offered only while the rules allow it; the command checks again against the order. */
export function CancelControl({ orderId }: { readonly orderId: OrderId }) {
  const { commands } = useAdminDevice();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const cancel = async (reason: string): Promise<void> => {
    const outcome = await commands.cancel(orderId, reason);
    if (!outcome.ok) {
      setError(outcome.error.message);
      return;
    }
    setError(null);
    setAsking(false);
  };
  return (
    <div className="card cancel-control">
      {asking ? (
        <ReasonPicker
          question="Why cancel this order?"
          presets={ADMIN_CANCEL_REASONS}
          confirmLabel="Cancel order"
          onConfirm={(reason) => void cancel(reason)}
          onBack={() => setAsking(false)}
        />
      ) : (
        <button type="button" className="button button--danger" onClick={() => setAsking(true)}>
          Cancel order…
        </button>
      )}
      <ErrorLine message={error} />
    </div>
  );
}
