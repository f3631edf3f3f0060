import { telUri } from '../../common/ui/telUri';
import { useDriverRoster } from '../model/AdminContext';
import { assignable } from '../model/dispatch/assignment';
import type { HeldOrder } from '../model/orders/orderBook';
import { AssignControl } from './AssignControl';
import { OfferLine } from './OfferLine';
import { UnassignControl } from './UnassignControl';

/** A delivery's driver on its own page: who (with a tel: link), or what dispatch is doing; assign, reassign or unassign. */
export function DriverPanel({ order, now }: { readonly order: HeldOrder; readonly now: number }) {
  const roster = useDriverRoster();
  if (order.header.type !== 'delivery') return null;
  const driverId = order.state.driverId;
  const driver = driverId ? roster.drivers.find((d) => d.id === driverId) : undefined;
  const driverName = driver?.name ?? 'the driver';
  return (
    <section className="card driver-panel" aria-labelledby="driver-title">
      <h3 id="driver-title">Driver</h3>
      {driverId ? (
        <p>
          <strong>{driver?.name ?? `Driver ${driverId.slice(0, 6)}`}</strong>
          {driver?.phone ? (
            <>
              {' · '}
              <a href={telUri(driver.phone)} aria-label={`Call the driver, ${driver.name}, on ${driver.phone}`}>
                {driver.phone}
              </a>
            </>
          ) : null}
        </p>
      ) : (
        <OfferLine order={order} now={now} />
      )}
      {assignable(order) ? (
        <div className="dispatch-item__actions">
          <AssignControl order={order} verb={driverId ? 'Reassign' : 'Assign'} />
          {driverId ? <UnassignControl order={order} driverName={driverName} /> : null}
        </div>
      ) : null}
    </section>
  );
}
