import { useState } from 'react';
import { ErrorLine } from '../../common/ui/ErrorLine';
import { ReasonPicker } from '../../common/ui/ReasonPicker';
import { useAdminDevice } from '../model/AdminContext';
import type { HeldOrder } from '../model/orders/orderBook';

const UNASSIGN_REASONS = ['Driver cannot make it', 'Vehicle trouble', 'Driver is too far away', 'Driver asked to be taken off'] as const;

/** Takes the driver off the order with a reason; dispatch offers it again, never to that driver. */
export function UnassignControl({ order, driverName }: { readonly order: HeldOrder; readonly driverName: string }) {
  const admin = useAdminDevice();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const unassign = async (reason: string): Promise<void> => {
    const outcome = await admin.commands.unassign(order.id, reason);
    setError(outcome.ok ? null : outcome.error.message);
    if (!outcome.ok) return;
    setAsking(false);
    void admin.drivers.refresh();
  };
  return (
    <div className="unassign">
      {asking ? (
        <ReasonPicker
          question={`Why take ${driverName} off this order?`}
          presets={UNASSIGN_REASONS}
          confirmLabel="Unassign driver"
          backLabel="Keep driver"
          onConfirm={(reason) => void unassign(reason)}
          onBack={() => setAsking(false)}
        />
      ) : (
        <button type="button" className="button button--danger" onClick={() => setAsking(true)}>
          Unassign…
        </button>
      )}
      <ErrorLine message={error} />
    </div>
  );
}
