import type { AdminDriver } from '../../../../shared/api/adminDrivers';
import { busyMinutes } from '../../../../shared/catalog/outletDoc';
import type { OrderId, OutletId, UserId } from '../../../../shared/ids';
import { dropoffArea } from '../../../../shared/order/dropoffArea';
import { isTerminal } from '../../../../shared/order/status';
import type { HeldOrder } from '../orders/orderBook';
import { isLate } from '../orders/promise';
import type { OutletCatalog } from '../outlets/useOutletCatalogs';

/** A position older than this is shown as such, greyed, as the tracking page does. */
export const STALE_POSITION_MS = 2 * 60_000;

export interface MapOutlet {
  readonly id: OutletId;
  readonly name: string;
  readonly lat: number;
  readonly lng: number;
  /** Paused or busy, in words; null when taking orders as usual. */
  readonly note: string | null;
  readonly activeOrders: number;
}

export interface HeadingTo {
  readonly orderId: OrderId;
  readonly kind: 'pickup' | 'dropoff';
  /** "Pick up at Dabba Demo Kitchen", "Drop off in Residency Rd". */
  readonly text: string;
}

export interface MapDriver {
  readonly id: UserId;
  readonly name: string;
  readonly lat: number;
  readonly lng: number;
  /** Device time of the position. */
  readonly at: number;
  readonly stale: boolean;
  readonly onShift: boolean;
  readonly connected: boolean;
  readonly load: number;
  readonly capacity: number;
  readonly headingTo: HeadingTo | null;
}

export interface MapDropoff {
  readonly orderId: OrderId;
  readonly customer: string;
  readonly area: string;
  readonly lat: number;
  readonly lng: number;
  readonly late: boolean;
  readonly driverId: UserId | null;
}

export interface MapPoints {
  readonly outlets: readonly MapOutlet[];
  readonly drivers: readonly MapDriver[];
  readonly dropoffs: readonly MapDropoff[];
}

function outletNote(outlet: OutletCatalog, now: number): string | null {
  const { paused, busy } = outlet.catalog;
  if (paused && (paused.until === null || paused.until > now)) return 'Paused';
  const extra = busyMinutes(outlet.catalog, now);
  return extra > 0 && busy ? `Busy (+${extra} min)` : null;
}

/** Where the driver goes next: the drop-off of what they carry, else the pickup of the first order assigned. */
function headingTo(driver: AdminDriver, orders: ReadonlyMap<OrderId, HeldOrder>): HeadingTo | null {
  const held = driver.activeOrders.flatMap((id) => orders.get(id) ?? []);
  const carried = held.find((o) => o.state.status === 'picked_up');
  if (carried?.header.address)
    return { orderId: carried.id, kind: 'dropoff', text: `Drop off in ${dropoffArea(carried.header.address.text)}` };
  const next = held[0];
  return next ? { orderId: next.id, kind: 'pickup', text: `Pick up at ${next.header.outlet.name}` } : null;
}

/** What the live map shows at `now`: the outlets, the drivers with a position, and the deliveries under way. */
export function mapPoints(
  orders: readonly HeldOrder[],
  outlets: readonly OutletCatalog[],
  drivers: readonly AdminDriver[],
  now: number,
): MapPoints {
  const active = orders.filter((o) => !isTerminal(o.state.status));
  const byId = new Map(orders.map((o) => [o.id, o]));
  return {
    outlets: outlets.map((o) => ({
      id: o.id,
      name: o.catalog.profile.name,
      lat: o.catalog.profile.lat,
      lng: o.catalog.profile.lng,
      note: outletNote(o, now),
      activeOrders: active.filter((order) => order.header.outletId === o.id).length,
    })),
    drivers: drivers.flatMap((d) =>
      d.position && (d.onShift || d.activeOrders.length > 0)
        ? [
            {
              id: d.id,
              name: d.name,
              lat: d.position.lat,
              lng: d.position.lng,
              at: d.position.at,
              stale: now - d.position.at > STALE_POSITION_MS,
              onShift: d.onShift,
              connected: d.connected,
              load: d.activeOrders.length,
              capacity: d.capacity,
              headingTo: headingTo(d, byId),
            },
          ]
        : [],
    ),
    dropoffs: active.flatMap((o) =>
      o.header.type === 'delivery' && o.header.address
        ? [
            {
              orderId: o.id,
              customer: o.header.customer.name,
              area: dropoffArea(o.header.address.text),
              lat: o.header.address.lat,
              lng: o.header.address.lng,
              late: isLate(o, now),
              driverId: o.state.driverId,
            },
          ]
        : [],
    ),
  };
}

/** "just now", "4 min ago", "2 h ago": how old a position is. */
export function ageText(at: number, now: number): string {
  const minutes = Math.floor(Math.max(0, now - at) / 60_000);
  if (minutes < 1) return 'just now';
  return minutes < 60 ? `${minutes} min ago` : `${Math.floor(minutes / 60)} h ago`;
}
