import type { AdminUser, DriverFacts } from '../../../../shared/api/adminUsers';
import { formatMoney } from '../../../../shared/money';
import { clockTime } from '../../../common/ui/clockTime';
import { telUri } from '../../../common/ui/telUri';
import { ROLE_TEXT } from './accountWords';
import { PersonActions } from './PersonActions';

function DriverDay({ driver }: { readonly driver: DriverFacts }) {
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
    </>
  );
}

/** One account: who, what they are, whether they can sign in and how many devices they have open, a driver's day, and its actions. */
export function PersonRow({
  user,
  outletName,
  online,
}: {
  readonly user: AdminUser;
  readonly outletName: string | null;
  readonly online: boolean;
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
      <td>{user.driver ? <DriverDay driver={user.driver} /> : <span className="muted">—</span>}</td>
      <td>
        <PersonActions user={user} online={online} />
      </td>
    </tr>
  );
}
