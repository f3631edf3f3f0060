import { useMemo } from 'react';
import { hoursLine } from '../../../shared/catalog/hoursLine';
import type { OutletMenu } from '../api/catalogApi';
import { YourOrdersLink } from '../yourOrders/YourOrdersLink';

interface Props {
  readonly menu: OutletMenu;
  /** "Delivery in about 30–40 min" for the way the customer is ordering; null while no orders are taken. */
  readonly estimate: string | null;
}

/** Who the customer is ordering from, whether they take orders right now (in the server's words), until when, and how long it takes. */
export function OutletHeader({ menu, estimate }: Props) {
  const { outlet, ordering, busyMinutes } = menu;
  // Once per menu load, not on every keystroke in the checkout below: the line can take milliseconds to work out.
  const hours = useMemo(() => hoursLine(outlet, Date.now()), [outlet]);
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
        {!ordering.open ? <p className="error">{ordering.message}</p> : <p className="muted">{hours}</p>}
        {estimate ? <p className="outlet-header__estimate">{estimate}</p> : null}
        {ordering.open && busyMinutes > 0 ? <p className="notice">Busy right now: orders take about {busyMinutes} min longer.</p> : null}
      </div>
    </header>
  );
}
