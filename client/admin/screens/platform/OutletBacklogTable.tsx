import type { Platform } from '../../../../shared/api/adminPlatform';
import { backlogText } from '../../model/platform/outletBacklogText';
import { useOutlets } from '../../model/AdminContext';

/**
 * Per outlet, the changes its devices made that the server has not received: what they reported (known
 * to wait) and how old the oldest can be at most (counting devices not connected now), or why nobody can tell.
 */
export function OutletBacklogTable({ platform }: { readonly platform: Platform }) {
  const outlets = useOutlets();
  const outletName = (id: string) => outlets.find((o) => o.id === id)?.name ?? id;
  return (
    <table className="ops-table" aria-label="Unsynced changes by outlet">
      <thead>
        <tr>
          <th scope="col">Outlet</th>
          <th scope="col">Devices</th>
          <th scope="col">Oldest unsynced change</th>
        </tr>
      </thead>
      <tbody>
        {platform.outlets.map((backlog) => {
          const text = backlogText(backlog, platform.at);
          return (
            <tr key={backlog.outletId} className={text.attention ? 'backlog-row--attention' : undefined}>
              <th scope="row">{outletName(backlog.outletId)}</th>
              <td>{text.devices}</td>
              <td>
                <p className="backlog-line">
                  <span className="muted">Reported: </span>
                  {text.reported}
                </p>
                <p className="backlog-line">
                  <span className="muted">At most: </span>
                  {text.bound}
                </p>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
