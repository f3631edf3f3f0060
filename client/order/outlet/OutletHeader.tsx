import type { OutletMenu } from '../api/catalogApi';
import { YourOrdersLink } from '../yourOrders/YourOrdersLink';

/** Who the customer is ordering from, and whether they take orders right now (in the server's words). */
export function OutletHeader({ menu }: { readonly menu: OutletMenu }) {
  const { outlet, ordering, busyMinutes } = menu;
  return (
    <header className="app-header outlet-header">
      <div>
        <h1 className="app-header__title">{outlet.name}</h1>
        <p className="muted">
          {outlet.address}
          {outlet.phone ? (
            <>
              {' '}
              · <a href={`tel:${outlet.phone.replace(/[^+\d]/g, '')}`}>{outlet.phone}</a>
            </>
          ) : null}
        </p>
      </div>
      <YourOrdersLink />
      <div role="status" aria-live="polite" className="outlet-header__status">
        {ordering.open ? (
          <span className="badge badge--synced">Open — taking orders</span>
        ) : (
          <span className="badge badge--closed">{ordering.code === 'outlet_paused' ? 'Paused' : 'Closed'}</span>
        )}
        {!ordering.open ? <p className="error">{ordering.message}</p> : null}
        {ordering.open && busyMinutes > 0 ? <p className="notice">Busy right now: orders take about {busyMinutes} min longer.</p> : null}
      </div>
    </header>
  );
}
