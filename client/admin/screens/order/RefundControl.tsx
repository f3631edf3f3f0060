import { useState, type FormEvent } from 'react';
import { randomId, type OrderId } from '../../../../shared/ids';
import { formatMoney } from '../../../../shared/money';
import { ErrorLine } from '../../../common/ui/ErrorLine';
import { requestRefund } from '../../model/api/refundsApi';
import { refundAmount } from '../../model/refunds/refundAmount';

interface Props {
  readonly orderId: OrderId;
  readonly token: string;
  readonly method: 'cash' | 'card';
  /** Minor units that may still be refunded. */
  readonly left: number;
  readonly currency: string;
}

/**
 * Refund all or part of an order, with a reason: through the payment provider for card, recorded for cash
 * handed back. Online only (the money moves at the provider); the order's timeline shows the `refunded`
 * event once the server appended it. One Idempotency-Key per refund, kept across retries of it.
 */
export function RefundControl({ orderId, token, method, left, currency }: Props) {
  const [open, setOpen] = useState(false);
  const [amount, setAmount] = useState((left / 100).toFixed(2));
  const [reason, setReason] = useState('');
  const [key, setKey] = useState(() => `refund-${randomId()}`);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const minor = refundAmount(amount, left);
    if (!minor.ok) return setError(minor.error.message);
    setBusy(true);
    const answer = await requestRefund(token, orderId, { amount: minor.value, reason: reason.trim() }, key);
    setBusy(false);
    if (!answer.ok) return setError(answer.error.message);
    setError(null);
    setDone(`Refunded ${formatMoney(answer.value.amount, currency)} (${answer.value.method}).`);
    setKey(`refund-${randomId()}`);
    setReason('');
    setOpen(false);
  };
  if (!open)
    return (
      <div className="card refund-control">
        <button type="button" className="button" onClick={() => setOpen(true)}>
          Refund…
        </button>
        {done ? <p role="status">{done}</p> : null}
      </div>
    );
  return (
    <form className="card refund-control" aria-labelledby="refund-title" onSubmit={(e) => void submit(e)}>
      <h3 id="refund-title">Refund {method === 'card' ? 'to the card' : 'in cash'}</h3>
      <p className="muted">Up to {formatMoney(left, currency)} can still be refunded.</p>
      <label className="field">
        <span>Amount ({currency})</span>
        <input inputMode="decimal" value={amount} onChange={(e) => setAmount(e.currentTarget.value)} required />
      </label>
      <label className="field">
        <span>Reason</span>
        <input value={reason} maxLength={500} onChange={(e) => setReason(e.currentTarget.value)} required />
      </label>
      <ErrorLine message={error} />
      <div className="refund-control__buttons">
        <button type="submit" className="button button--danger" disabled={busy || reason.trim() === ''}>
          {busy ? 'Refunding…' : 'Refund'}
        </button>
        <button type="button" className="button" onClick={() => setOpen(false)} disabled={busy}>
          Back
        </button>
      </div>
    </form>
  );
}
