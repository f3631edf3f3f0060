import { useMemo, useState } from 'react';
import { useDeviceSnapshot } from '../../../common/device/DeviceContext';
import { clockTime } from '../../../common/ui/clockTime';
import { useAdminDevice, useOutlets, useUsers } from '../../model/AdminContext';
import { useDriverCash } from '../../model/cash/useDriverCash';
import { EVERYONE, filterPeople, type PeopleFilter } from '../../model/people/peopleFilter';
import { OFFLINE_REASON, OFFLINE_REASON_ID } from './accountWords';
import { NewPersonForm } from './NewPersonForm';
import { PeopleFilters } from './PeopleFilters';
import { PersonRow } from './PersonRow';

/**
 * People: every account, filtered by role, outlet or a search; add one, disable or enable, reset a
 * password, move outlet staff. The list is the server's as of its last answer and stays readable
 * offline; the changes need the server and say so while it cannot be reached.
 */
export function PeopleScreen() {
  const admin = useAdminDevice();
  const { users, fetchedAt } = useUsers();
  const outlets = useOutlets();
  const { connection } = useDeviceSnapshot();
  const online = connection.status === 'online';
  const [filter, setFilter] = useState<PeopleFilter>(EVERYONE);
  const [added, setAdded] = useState<string | null>(null);
  const shown = useMemo(() => filterPeople(users, filter), [users, filter]);
  const outletNames = useMemo(() => new Map(outlets.map((o) => [o.id, o.name])), [outlets]);
  const cash = useDriverCash(useMemo(() => users.filter((u) => u.role === 'driver').map((u) => u.id), [users]));

  return (
    <section className="people" aria-labelledby="people-title">
      <h2 id="people-title">People</h2>
      {fetchedAt === null ? (
        <p className="notice">The list of accounts has not reached this device yet; it needs the network.</p>
      ) : (
        <p className={online ? 'muted' : 'notice'}>
          Accounts as of {clockTime(fetchedAt)}
          {online ? '' : ' (this device’s copy: it is offline)'}{' '}
          <button
            type="button"
            className="button button--quiet"
            disabled={!online}
            aria-describedby={online ? undefined : OFFLINE_REASON_ID}
            onClick={() => void admin.users.refresh()}
          >
            Refresh
          </button>
        </p>
      )}
      {online ? null : (
        <p className="notice" id={OFFLINE_REASON_ID}>
          {OFFLINE_REASON}
        </p>
      )}
      <NewPersonForm online={online} onDone={setAdded} />
      {added ? (
        <p role="status" className="muted">
          {added}
        </p>
      ) : null}
      <PeopleFilters filter={filter} outlets={outlets} onChange={(change) => setFilter((f) => ({ ...f, ...change }))} />
      <table className="ops-table people-table" aria-label="People">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Sign-in</th>
            <th scope="col">Today (drivers)</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((user) => (
            <PersonRow
              key={user.id}
              user={user}
              online={online}
              ledger={cash.get(user.id)}
              outletName={user.outletId ? (outletNames.get(user.outletId) ?? null) : null}
            />
          ))}
        </tbody>
      </table>
      {shown.length === 0 && users.length > 0 ? <p className="empty">Nobody matches these filters.</p> : null}
    </section>
  );
}
