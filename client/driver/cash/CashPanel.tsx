import { useState } from 'react';
import { mainUnitsText, parseMainUnits } from '../../../shared/cash/amount';
import { counterpartyKey, type Counterparty } from '../../../shared/cash/ledgerEntries';
import { formatMoney } from '../../../shared/money';
import type { CashReconciliation } from '../../../shared/cash/reconcile';
import type { CommandOutcome } from '../../common/commands/commandOutcome';
import { MoneyField } from '../../common/ui/MoneyField';
import { handoverText, type HandoverTarget } from '../model/cash/cashModel';

interface Props {
  readonly cash: CashReconciliation;
  readonly targets: readonly HandoverTarget[];
  readonly onHandOver: (party: Counterparty, amount: number, currency: string) => CommandOutcome;
}

/**
 * The cash the driver should hold now (and hand in at the end of the shift), their handovers and
 * whether the other side has confirmed them, and "Hand over cash". Works offline: the handover is
 * saved on the phone and pairs with the outlet's record once both have synced.
 */
export function CashPanel({ cash, targets, onHandOver }: Props) {
  const balance = cash.balances[0];
  const currency = balance?.currency ?? 'INR';
  const holding = balance?.holding ?? 0;
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState(targets[0]?.key ?? 'admin');
  const [amountText, setAmountText] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const nameOf = (party: Counterparty): string => targets.find((t) => t.key === counterpartyKey(party))?.label ?? 'an outlet';

  const confirm = (): void => {
    const amount = parseMainUnits(amountText);
    const target = targets.find((t) => t.key === to);
    if (amount === null || amount === 0 || !target) {
      setMessage('Enter the amount you hand over, like 1200 or 1199.50.');
      return;
    }
    const outcome = onHandOver(target.party, amount, currency);
    setMessage(outcome.ok ? null : outcome.error.message);
    if (outcome.ok) setOpen(false);
  };

  return (
    <section className="card cash" aria-labelledby="cash-title">
      <h2 id="cash-title">Cash</h2>
      <p>
        You should hold <strong>{formatMoney(holding, currency)}</strong> now — hand it in by the end of your shift.
      </p>
      {cash.mismatches.length > 0 ? (
        <p className="error" role="alert">
          {cash.mismatches.length === 1 ? 'A handover does not match' : `${cash.mismatches.length} handovers do not match`} what was
          counted; admins have been told.
        </p>
      ) : null}
      {cash.handovers.length > 0 ? (
        <ul aria-label="Cash handovers">
          {cash.handovers.slice(0, 5).map((h) => (
            <li key={(h.handed ?? h.received)?.id}>{handoverText(h, nameOf)}</li>
          ))}
        </ul>
      ) : null}
      {open ? (
        <div className="cash__form">
          <label className="field">
            <span>Hand over to</span>
            <select value={to} onChange={(e) => setTo(e.target.value)}>
              {targets.map((t) => (
                <option key={t.key} value={t.key}>
                  {t.label}
                </option>
              ))}
            </select>
          </label>
          <MoneyField label="Amount handed over" value={amountText} onChange={setAmountText} />
          <button type="button" className="button button--primary button--big" onClick={confirm}>
            Confirm handover
          </button>
          <button type="button" className="button button--quiet button--big" onClick={() => setOpen(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="button button--big"
          disabled={holding <= 0}
          onClick={() => {
            setAmountText(mainUnitsText(holding));
            setOpen(true);
          }}
        >
          Hand over cash
        </button>
      )}
      {message ? (
        <p className="error" role="alert">
          {message}
        </p>
      ) : null}
    </section>
  );
}
