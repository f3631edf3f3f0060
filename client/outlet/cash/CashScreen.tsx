import { useEffect, useState } from 'react';
import { mainUnitsText, parseMainUnits } from '../../../shared/cash/amount';
import { readLedger } from '../../../shared/cash/ledgerEntries';
import { reconcileCash } from '../../../shared/cash/reconcile';
import { cashLedgerName } from '../../../shared/docNames';
import type { OutletId } from '../../../shared/ids';
import { formatMoney } from '../../../shared/money';
import type * as Y from 'yjs';
import { useDevice } from '../../common/device/DeviceContext';
import { useHeldDoc } from '../../common/device/useHeldDoc';
import { useNow } from '../../common/ui/useNow';
import { useOutletTime } from '../../common/time/OutletTimeContext';
import { MoneyField } from '../../common/ui/MoneyField';
import { receiveCash } from '../../common/commands/receiveCash';
import { useCashDrivers } from '../model/cash/useCashDrivers';
import { Recounts } from './Recounts';

const readCash = (doc: Y.Doc | undefined) => (doc ? reconcileCash(readLedger(doc)) : null);

/**
 * Receive cash from a driver: pick the driver (by first name and the orders they carried from here), see what their
 * ledger says they hold, count it, enter the amount and confirm. Saved on the tablet first, offline too.
 */
export function CashScreen({ outletId }: { readonly outletId: OutletId }) {
  const device = useDevice();
  const drivers = useCashDrivers(outletId, useOutletTime().startOfDay(useNow(60_000)));
  const [driverId, setDriverId] = useState<string>('');
  const [amountText, setAmountText] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const driver = drivers.find((d) => d.driverId === driverId) ?? drivers[0] ?? null;
  const ledgerName = driver ? cashLedgerName(driver.driverId) : '';
  useEffect(() => {
    if (ledgerName) void device.holdDoc(ledgerName, true);
  }, [device, ledgerName]);
  const { value: cash, syncState } = useHeldDoc(ledgerName, readCash);
  const currency = driver?.currency ?? 'INR';
  const holding = cash?.balances.find((b) => b.currency === currency)?.holding ?? 0;

  const confirm = (): void => {
    const amount = parseMainUnits(amountText);
    if (!driver || amount === null) {
      setMessage('Pick the driver and enter the amount you counted, like 1200 or 1199.50.');
      return;
    }
    const outcome = receiveCash(device.orderCommands(), driver.driverId, amount, currency);
    setMessage(outcome.ok ? `Received ${formatMoney(amount, currency)} — saved on this tablet.` : outcome.error.message);
    if (outcome.ok) setAmountText('');
  };

  return (
    <section className="card cash" aria-labelledby="cash-title">
      <h2 id="cash-title">Receive cash from a driver</h2>
      {drivers.length === 0 ? (
        <p className="empty">No driver has carried an order from here today.</p>
      ) : (
        <>
          <label className="field">
            <span>Driver</span>
            <select value={driver?.driverId ?? ''} onChange={(e) => setDriverId(e.target.value)}>
              {drivers.map((d) => (
                <option key={d.driverId} value={d.driverId}>
                  {d.label}
                </option>
              ))}
            </select>
          </label>
          <p>
            {cash
              ? `Their ledger says they hold ${formatMoney(holding, currency)}${syncState === 'synced' ? '' : ' (as far as this tablet knows)'}.`
              : 'Their ledger is still opening on this tablet.'}
            {cash && cash.mismatches.length > 0 ? ` ${cash.mismatches.length} earlier handover(s) did not match.` : ''}
          </p>
          {cash && driver ? <Recounts outletId={outletId} driverId={driver.driverId} mismatches={cash.mismatches} /> : null}
          <MoneyField
            label="Amount counted"
            value={amountText}
            placeholder={mainUnitsText(Math.max(0, holding))}
            onChange={setAmountText}
          />
          <button type="button" className="button button--primary button--big" onClick={confirm}>
            Confirm cash received
          </button>
        </>
      )}
      {message ? <p role="status">{message}</p> : null}
    </section>
  );
}
