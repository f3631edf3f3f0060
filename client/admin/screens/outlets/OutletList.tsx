import { takingOrders } from '../../../../shared/catalog/outletDoc';
import { SyncBadge } from '../../../common/ui/SyncBadge';
import { useNow } from '../../../common/ui/useNow';
import { useOutlets } from '../../model/AdminContext';
import { useOutletCatalogs } from '../../model/outlets/useOutletCatalogs';
import { hrefOf } from '../../shell/adminRoute';
import { NewOutletForm } from './NewOutletForm';

/** Every outlet this device holds, with whether it takes orders now and how much of it is set up. */
export function OutletList() {
  const outlets = useOutlets();
  const catalogs = useOutletCatalogs();
  const now = useNow(30_000);
  const missing = outlets.length - catalogs.length;
  return (
    <section className="outlets" aria-labelledby="outlets-title">
      <h2 id="outlets-title">Outlets and menus</h2>
      <table className="ops-table" aria-label="Outlets">
        <thead>
          <tr>
            <th scope="col">Outlet</th>
            <th scope="col">Now</th>
            <th scope="col">Menu</th>
            <th scope="col">Delivery zones</th>
            <th scope="col">Changes</th>
          </tr>
        </thead>
        <tbody>
          {catalogs.map(({ id, catalog, syncState }) => {
            const taking = takingOrders(catalog, now);
            return (
              <tr key={id}>
                <th scope="row">
                  <a href={hrefOf('outlets', id)}>{catalog.profile.name}</a>
                  <br />
                  <span className="muted">{catalog.profile.address}</span>
                </th>
                <td>
                  {taking.ok ? (
                    <span className="flag">Taking orders</span>
                  ) : (
                    <span className="flag flag--warn">{taking.error.message}</span>
                  )}
                </td>
                <td>
                  {catalog.menu.items.length} items in {catalog.menu.categories.length} categories
                </td>
                <td>{catalog.profile.zones.length || <span className="flag flag--warn">none</span>}</td>
                <td>
                  <SyncBadge state={syncState} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {missing > 0 ? (
        <p className="muted" role="status">
          {missing} more outlet{missing === 1 ? '' : 's'} still on the way to this device.
        </p>
      ) : null}
      <NewOutletForm />
    </section>
  );
}
