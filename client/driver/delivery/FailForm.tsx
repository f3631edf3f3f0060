import { ErrorLine } from '../../common/ui/ErrorLine';
import { useState } from 'react';
import type { OrderId } from '../../../shared/ids';
import { useDriverCommands } from '../model/useDriverCommands';
import { ConfirmFail } from './ConfirmFail';

const REASONS = ['Customer not reachable', 'Address not found', 'Customer refused the order', 'Unsafe to deliver'] as const;
const OTHER = 'Other';

/** Failed, with why: the outlet and the customer's tracking page see the reason. */
export function FailForm({ orderId, onCancel }: { readonly orderId: OrderId; readonly onCancel: () => void }) {
  const { fail } = useDriverCommands();
  const [choice, setChoice] = useState<string>(REASONS[0]);
  const [other, setOther] = useState('');
  const [error, setError] = useState<string | null>(null);
  /** The reason asked about in the confirmation; null while still choosing. */
  const [asking, setAsking] = useState<string | null>(null);
  const reason = choice === OTHER ? other.trim() : choice;

  const ask = (): void => {
    if (!reason) {
      setError('Say what went wrong.');
      return;
    }
    setError(null);
    setAsking(reason);
  };

  const confirm = async (confirmed: string): Promise<void> => {
    const outcome = await fail(orderId, confirmed);
    setError(outcome.ok ? null : outcome.error.message);
    if (!outcome.ok) setAsking(null);
  };

  if (asking !== null)
    return <ConfirmFail reason={asking} error={error} onConfirm={() => void confirm(asking)} onBack={() => setAsking(null)} />;

  return (
    <section className="card step" aria-labelledby="fail-title">
      <h2 id="fail-title">Why could it not be delivered?</h2>
      <fieldset className="checklist">
        <legend className="sr-only">Reason</legend>
        {[...REASONS, OTHER].map((reason) => (
          <label key={reason} className="checklist__item">
            <input type="radio" name="fail-reason" value={reason} checked={choice === reason} onChange={() => setChoice(reason)} />
            <span>{reason}</span>
          </label>
        ))}
      </fieldset>
      {choice === OTHER ? (
        <label className="field">
          <span>What happened</span>
          <input value={other} onChange={(e) => setOther(e.target.value)} maxLength={500} />
        </label>
      ) : null}
      <div className="bottom-bar">
        <ErrorLine message={error} />
        <button type="button" className="button button--quiet button--big" onClick={onCancel}>
          Back
        </button>
        <button type="button" className="button button--danger button--big" onClick={ask}>
          Mark failed…
        </button>
      </div>
    </section>
  );
}
