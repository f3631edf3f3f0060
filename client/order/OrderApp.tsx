import { OutletListPage } from './outlet/OutletListPage';
import { OutletPage } from './outlet/OutletPage';
import { TableLinksPage } from './outlet/TableLinksPage';
import { parseOrderRoute } from './route';
import { YourOrdersPage } from './yourOrders/YourOrdersPage';

/** A plain multi-page site: each route is a full page load, so links and the back button just work. */
export function OrderApp() {
  const route = parseOrderRoute(window.location.pathname, window.location.search);
  switch (route.page) {
    case 'outlets':
      return <OutletListPage />;
    case 'your-orders':
      return <YourOrdersPage />;
    case 'tables':
      return <TableLinksPage outletId={route.outletId} />;
    case 'outlet':
      return <OutletPage outletId={route.outletId} table={route.table} navigate={(path) => window.location.assign(path)} />;
  }
}
