import { telUri } from '../../../common/ui/telUri';
import type { AdminDriver } from '../../../../shared/api/adminDrivers';
import { ageText, type MapDriver } from '../../model/map/mapPoints';
import { hrefOf } from '../../shell/adminRoute';

/** The chosen driver: shift, app, load, where they are heading (a link to that order), and how old their position is. */
export function DriverDetail({
  driver,
  point,
  now,
}: {
  readonly driver: AdminDriver;
  readonly point: MapDriver | null;
  readonly now: number;
}) {
  return (
    <section className="card driver-detail" aria-labelledby="driver-detail-title">
      <h3 id="driver-detail-title">{driver.name}</h3>
      <dl className="facts">
        <dt>Shift</dt>
        <dd>
          {driver.onShift ? 'On shift' : 'Off shift'} · {driver.connected ? 'app connected' : 'app not connected'}
        </dd>
        <dt>Load</dt>
        <dd>
          {driver.activeOrders.length} of {driver.capacity} orders
        </dd>
        <dt>Heading to</dt>
        <dd>{point?.headingTo ? <a href={hrefOf('order', point.headingTo.orderId)}>{point.headingTo.text}</a> : 'Nothing assigned'}</dd>
        <dt>Position</dt>
        <dd>{driver.position ? `${ageText(driver.position.at, now)}${point?.stale ? ' (stale)' : ''}` : 'Never reported'}</dd>
        {driver.phone ? (
          <>
            <dt>Phone</dt>
            <dd>
              <a href={telUri(driver.phone)} aria-label={`Call the driver, ${driver.name}, on ${driver.phone}`}>
                {driver.phone}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
