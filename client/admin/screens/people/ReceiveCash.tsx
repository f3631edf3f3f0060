import { useState } from 'react';
import { mainUnitsText, parseMainUnits } from '../../../../shared/cash/amount';
import type { CashReconciliation } from '../../../../shared/cash/reconcile';
import type { UserId } from '../../../../shared/ids';
import { formatMoney } from '../../../../shared/money';
import { receiveCash } from '../../../common/commands/receiveCash';
import { useDevice } from '../../../common/device/DeviceContext';
import { clockTime } from '../../../common/ui/clockTime';
import { ErrorLine } from '../../../common/ui/ErrorLine';
import { MoneyField } from '../../../common/ui/MoneyField';
import { officeCash } from '../../model/cash/officeCash';

/**
 * The office receives a driver's cash: what their ledger says they hold, the handovers to the office
 * waiting for an admin's count, the amount counted and "Receive ₹…". Saved on this device first and
 * synced with the ledger, so it works offline like the outlet's counter; it pairs with the driver's side.
 */
export function ReceiveCash({
  driverId,
  name,
  ledger,
}: {
  readonly driverId: UserId;
  readonly name: string;
  readonly ledger: CashReconciliation | undefined;
}) {
  const device = useDevice();
  const [open, setOpen] = useState(false);
  const [amountText, setAmountText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const cash = officeCash(ledger, 'INR');
  const amount = parseMainUnits(amountText);

  const start = (): void => {
    setAmountText(mainUnitsText(cash.suggested));
    setError(null);
    setSaved(null);
    setOpen(true);
  };
  const confirm = (): void => {
    if (amount === null || amount === 0) {
      setError('Enter the amount you counted, like 1200 or 1199.50.');
      return;
    }
    const outcome = receiveCash(device.orderCommands(), driverId, amount, cash.currency);
    if (!outcome.ok) {
      setError(outcome.error.message);
      return;
    }
    setSaved(`Received ${formatMoney(amount, cash.currency)} from ${name} — saved on this device.`);
    setOpen(false);
  };

  return (
    <div className="receive-cash">
      {open ? (
        <form
          className="confirm"
          aria-label={`Receive cash from ${name}`}
          onSubmit={(e) => {
            e.preventDefault();
            confirm();
          }}
        >
          <p>
            Their ledger says they hold {formatMoney(cash.holding, cash.currency)}
            {cash.waiting.length > 0 ? ' after the handovers below' : ''}.
          </p>
          {cash.waiting.length > 0 ? (
            <ul aria-label="Handed to the office, not counted yet">
              {cash.waiting.map((h) => (
                <li key={h.handed?.id}>
                  {formatMoney(h.amount, h.currency)} handed over at {clockTime(h.at)}
                </li>
              ))}
            </ul>
          ) : null}
          <MoneyField label="Amount counted" value={amountText} onChange={setAmountText} />
          <button type="submit" className="button button--primary">
            {amount ? `Receive ${formatMoney(amount, cash.currency)}` : 'Receive cash'}
          </button>
          <button type="button" className="button button--quiet" onClick={() => setOpen(false)}>
            Cancel
          </button>
          <ErrorLine message={error} />
        </form>
      ) : (
        <button type="button" className="button" onClick={start} disabled={!ledger}>
          Receive cash…
        </button>
      )}
      {saved ? (
        <p role="status" className="muted">
          {saved}
        </p>
      ) : null}
    </div>
  );
}
