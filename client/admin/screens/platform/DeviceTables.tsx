import type { Platform } from '../../../../shared/api/adminPlatform';
import type { PresenceList } from '../../../../shared/api/presence';
import { clockTime } from '../../../common/ui/clockTime';
import { useOutlets, useUsers } from '../../model/AdminContext';
import { ROLE_TEXT } from '../people/accountWords';

/** Signed-in sockets counted by role and app, across every node presence can see. */
export function DevicesByRole({ devices }: { readonly devices: Platform['devices'] }) {
  const total = devices.reduce((sum, d) => sum + d.count, 0);
  return (
    <table className="ops-table" aria-label="Connected devices by role and app">
      <thead>
        <tr>
          <th scope="col">Role</th>
          <th scope="col">App</th>
          <th scope="col">Connected</th>
        </tr>
      </thead>
      <tbody>
        {devices.map((d) => (
          <tr key={`${d.role}/${d.app}`}>
            <td>{ROLE_TEXT[d.role]}</td>
            <td>{d.app}</td>
            <td>{d.count}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={2}>
            All
          </th>
          <td>{total}</td>
        </tr>
      </tfoot>
    </table>
  );
}

/** Every signed-in socket: who, which app, which outlet, on which node, since when and last heard. */
export function LiveDeviceList({ presence }: { readonly presence: PresenceList }) {
  const outlets = useOutlets();
  const { users } = useUsers();
  const outletName = (id: string | null) => (id === null ? '—' : (outlets.find((o) => o.id === id)?.name ?? id));
  const userName = (id: string) => users.find((u) => u.id === id)?.name ?? id;
  return (
    <table className="ops-table" aria-label="Devices connected now">
      <thead>
        <tr>
          <th scope="col">Who</th>
          <th scope="col">App</th>
          <th scope="col">Outlet</th>
          <th scope="col">Node</th>
          <th scope="col">Connected at</th>
          <th scope="col">Last heard</th>
        </tr>
      </thead>
      <tbody>
        {presence.devices.map((d, i) => (
          <tr key={`${d.deviceId ?? d.userId}-${i}`}>
            <td>
              {userName(d.userId)} <span className="muted">({ROLE_TEXT[d.role].toLowerCase()})</span>
            </td>
            <td>{d.app}</td>
            <td>{outletName(d.outletId)}</td>
            <td>{d.node}</td>
            <td>{clockTime(d.connectedAt)}</td>
            <td>{clockTime(d.lastSeenAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
