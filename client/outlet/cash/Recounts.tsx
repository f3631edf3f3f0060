import { useState } from 'react';
import { mainUnitsText, parseMainUnits } from '../../../shared/cash/amount';
import type { Handover } from '../../../shared/cash/reconcile';
import type { OutletId, UserId } from '../../../shared/ids';
import { formatMoney } from '../../../shared/money';
import { recountCash } from '../../common/commands/recountCash';
import { useDevice } from '../../common/device/DeviceContext';
import { useOutletTime } from '../../common/time/OutletTimeContext';
import { ErrorLine } from '../../common/ui/ErrorLine';
import { MoneyField } from '../../common/ui/MoneyField';

/** One handover this outlet counted differently from the driver, and a recount of the outlet's side. */
function Recount({ driverId, handover }: { readonly driverId: UserId; readonly handover: Handover }) {
  const { time } = useOutletTime();
  const device = useDevice();
  const [amountText, setAmountText] = useState(handover.handed ? mainUnitsText(handover.handed.amount) : '');
  const [error, setError] = useState<string | null>(null);
  const { handed, received, currency } = handover;
  if (!handed || !received) return null;
  const save = (): void => {
    const amount = parseMainUnits(amountText);
    const outcome = amount === null ? null : recountCash(device.orderCommands(), driverId, received, amount);
    setError(outcome === null ? 'Enter the amount you counted, like 1200 or 1199.50.' : outcome.ok ? null : outcome.error.message);
  };
  return (
    <li>
      <form
        className="confirm"
        aria-label={`Recount the handover of ${time(handover.at)}`}
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <p>
          {formatMoney(handed.amount, currency)} handed, {formatMoney(received.amount, currency)} counted here at {time(received.at)}.
        </p>
        <MoneyField label="Amount counted again" value={amountText} onChange={setAmountText} />
        <button type="submit" className="button">
          Save recount
        </button>
        <ErrorLine message={error} />
      </form>
    </li>
  );
}

/**
 * The driver's handovers to this outlet whose two sides disagree, each with a recount of the counter's
 * side: found the missing notes, or miscounted. Saved on the tablet first, like the count itself.
 */
export function Recounts({
  outletId,
  driverId,
  mismatches,
}: {
  readonly outletId: OutletId;
  readonly driverId: UserId;
  readonly mismatches: readonly Handover[];
}) {
  const here = mismatches.filter((h) => h.party.kind === 'outlet' && h.party.outletId === outletId);
  if (here.length === 0) return null;
  return (
    <ul aria-label="Handovers that do not match">
      {here.map((h) => (
        <Recount key={h.handed?.id} driverId={driverId} handover={h} />
      ))}
    </ul>
  );
}
