import 'leaflet/dist/leaflet.css';
import './map.css';
import { useMemo } from 'react';
import { UserIdSchema } from '../../../../shared/ids';
import { orderNumber } from '../../../../shared/order/orderNumber';
import { clockTime } from '../../../common/ui/clockTime';
import { useNow } from '../../../common/ui/useNow';
import { useDriverRoster, useHeldOrders } from '../../model/AdminContext';
import { ageText, mapPoints } from '../../model/map/mapPoints';
import { useOutletCatalogs } from '../../model/outlets/useOutletCatalogs';
import { hrefOf, useAdminRoute } from '../../shell/adminRoute';
import type { ScreenProps } from '../../shell/screenProps';
import { DriverDetail } from './DriverDetail';
import { LiveMap } from './LiveMap';

/**
 * The live map: outlets, drivers where their phones last said (with how long ago, greyed when old),
 * what they carry and where they are heading, and every delivery under way; a drop-off opens its order,
 * a driver their details (`#/map/<driverId>`). The same is listed beside the map, for keyboards and
 * screen readers. Loaded only when opened, Leaflet with it.
 */
export default function MapScreen({ param }: ScreenProps) {
  const [, go] = useAdminRoute();
  const orders = useHeldOrders();
  const outlets = useOutletCatalogs();
  const roster = useDriverRoster();
  const now = useNow(15_000);
  const points = useMemo(() => mapPoints(orders, outlets, roster.drivers, now), [orders, outlets, roster.drivers, now]);
  const parsed = UserIdSchema.safeParse(param);
  const selectedId = parsed.success ? parsed.data : null;
  const selected = roster.drivers.find((d) => d.id === selectedId) ?? null;

  return (
    <section className="map-screen" aria-labelledby="map-title">
      <h2 id="map-title">Live map</h2>
      <p className={roster.fetchedAt !== null && now - roster.fetchedAt < 60_000 ? 'muted' : 'notice'}>
        {roster.fetchedAt === null
          ? 'Drivers’ positions have not reached this device yet; they need the network.'
          : `Drivers’ positions as this device last heard them, at ${clockTime(roster.fetchedAt)}; each says how old it is.`}
      </p>
      <div className="map-screen__body">
        <div className="map-screen__map">
          <LiveMap
            points={points}
            now={now}
            selectedDriver={selectedId}
            onSelectDriver={(id) => go('map', id)}
            onOpenOrder={(id) => go('order', id)}
          />
        </div>
        <div className="map-screen__side">
          {selected ? <DriverDetail driver={selected} point={points.drivers.find((d) => d.id === selected.id) ?? null} now={now} /> : null}
          <section aria-labelledby="map-drivers-title">
            <h3 id="map-drivers-title">Drivers on the map ({points.drivers.length})</h3>
            <ul className="map-screen__list">
              {points.drivers.map((d) => (
                <li key={d.id}>
                  <a href={hrefOf('map', d.id)} aria-current={d.id === selectedId ? 'true' : undefined}>
                    {d.name}
                  </a>{' '}
                  <span className="muted">
                    {d.load}/{d.capacity} · {ageText(d.at, now)}
                    {d.stale ? ' (stale)' : ''}
                    {d.headingTo ? ` · ${d.headingTo.text}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="map-dropoffs-title">
            <h3 id="map-dropoffs-title">Deliveries under way ({points.dropoffs.length})</h3>
            <ul className="map-screen__list">
              {points.dropoffs.map((d) => (
                <li key={d.orderId}>
                  <a href={hrefOf('order', d.orderId)}>
                    {orderNumber(d.orderId)} {d.customer}
                  </a>{' '}
                  <span className="muted">
                    {d.area}
                    {d.late ? ' · late' : ''}
                    {d.driverId ? '' : ' · no driver'}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        </div>
      </div>
    </section>
  );
}
