import type { AdminUser, DriverFacts } from '../../../../shared/api/adminUsers';
import type { CashReconciliation } from '../../../../shared/cash/reconcile';
import { formatMoney } from '../../../../shared/money';
import { clockTime } from '../../../common/ui/clockTime';
import { telUri } from '../../../common/ui/telUri';
import { ROLE_TEXT } from './accountWords';
import { PersonActions } from './PersonActions';
import { ReceiveCash } from './ReceiveCash';

/** What the driver's ledger says they hold now, and how many handovers disagree. */
function LedgerLine({ ledger }: { readonly ledger: CashReconciliation | undefined }) {
  if (!ledger) return <span className="muted">Cash ledger not on this device yet</span>;
  const holding = ledger.balances.filter((b) => b.holding !== 0);
  return (
    <span>
      Holds in cash now: {holding.length === 0 ? 'nothing' : holding.map((b) => formatMoney(b.holding, b.currency)).join(' + ')}
      {ledger.mismatches.length > 0 ? <span className="flag flag--bad"> {ledger.mismatches.length} handover mismatch</span> : null}
    </span>
  );
}

function DriverDay({ driver, ledger }: { readonly driver: DriverFacts; readonly ledger: CashReconciliation | undefined }) {
  const cash = driver.cashCollectedToday.filter((c) => c.amount !== 0);
  return (
    <>
      <span>
        {driver.onShift ? 'On shift' : 'Off shift'} since {clockTime(driver.shiftChangedAt)}
      </span>
      <br />
      <span>
        {driver.deliveriesToday} {driver.deliveriesToday === 1 ? 'delivery' : 'deliveries'} today · {driver.activeOrders} under way
      </span>
      <br />
      <span>Cash collected today: {cash.length === 0 ? 'none' : cash.map((c) => formatMoney(c.amount, c.currency)).join(' + ')}</span>
      <br />
      <LedgerLine ledger={ledger} />
    </>
  );
}

/** One account: who, what they are, whether they can sign in and how many devices they have open, a driver's day, and its actions. */
export function PersonRow({
  user,
  outletName,
  online,
  ledger,
}: {
  readonly user: AdminUser;
  readonly outletName: string | null;
  readonly online: boolean;
  /** The driver's cash from their ledger (drivers only). */
  readonly ledger?: CashReconciliation | undefined;
}) {
  return (
    <tr className={user.disabled ? 'person-row person-row--disabled' : 'person-row'} aria-label={user.name}>
      <td>
        <strong>{user.name}</strong>
        <br />
        <span className="muted">{user.email}</span>
        {user.driver ? (
          <>
            <br />
            <a href={telUri(user.driver.phone)}>{user.driver.phone}</a>
          </>
        ) : null}
      </td>
      <td>
        {ROLE_TEXT[user.role]}
        {user.role === 'outlet' ? <div className="muted">{outletName ?? user.outletId}</div> : null}
      </td>
      <td>
        {user.disabled ? <span className="flag flag--bad">Disabled</span> : 'Can sign in'}
        <div className="muted">
          {user.liveDevices === 0 ? 'No app open' : `${user.liveDevices} app${user.liveDevices === 1 ? '' : 's'} open`}
        </div>
      </td>
      <td>
        {user.driver ? (
          <>
            <DriverDay driver={user.driver} ledger={ledger} />
            <ReceiveCash driverId={user.id} name={user.name} ledger={ledger} />
          </>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td>
        <PersonActions user={user} online={online} />
      </td>
    </tr>
  );
}
