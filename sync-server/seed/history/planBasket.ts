import type { OrderRequest } from '../../../shared/api/orders';
import type { Menu, MenuItem, OutletProfile } from '../../../shared/catalog/menu';
import { zoneFor, type LatLng } from '../../../shared/catalog/zones';
import type { OrderType } from '../../../shared/order/status';
import type { OutletId } from '../../../shared/ids';
import { CUSTOMER_NAMES, STREETS } from './demand';
import type { Random } from './random';

type Line = OrderRequest['items'][number];

/** The fewest choices each modifier group needs: the first `min` options. */
function lineOf(item: MenuItem, qty: number): { line: Line; price: number } {
  const choices = item.modifierGroups.flatMap((g) =>
    g.options.slice(0, g.min).map((o) => ({ groupId: g.id, optionId: o.id, price: o.price })),
  );
  const unit = item.price + choices.reduce((sum, c) => sum + c.price, 0);
  const modifiers = choices.map(({ groupId, optionId }) => ({ groupId, optionId }));
  return { line: { itemId: item.id, qty, ...(modifiers.length > 0 ? { modifiers } : {}) }, price: unit * qty };
}

/** A drop-off in the outlet's first delivery zone (and in no zone listed before it), or null when there is none to find. */
function dropoff(rng: Random, profile: OutletProfile): (LatLng & { readonly text: string }) | null {
  const zone = profile.zones[0];
  if (!zone) return null;
  const lats = zone.polygon.map(([lat]) => lat);
  const lngs = zone.polygon.map(([, lng]) => lng);
  for (let tries = 0; tries < 50; tries += 1) {
    // Rounded before the check: the point priced is the point sent.
    const point = {
      lat: round(rng.between(Math.min(...lats), Math.max(...lats))),
      lng: round(rng.between(Math.min(...lngs), Math.max(...lngs))),
    };
    if (zoneFor(profile.zones, point)?.id === zone.id) return { ...point, text: `${rng.int(1, 240)} ${rng.pick(STREETS)}, ${zone.name}` };
  }
  return null;
}

const round = (x: number): number => Math.round(x * 1e5) / 1e5;

/**
 * What a customer orders: one to three dishes of the menu, more for a delivery until it is over the
 * zone's minimum; null when the outlet cannot take this type of order (no zone for a delivery).
 */
export function planBasket(rng: Random, outletId: OutletId, profile: OutletProfile, menu: Menu, type: OrderType): OrderRequest | null {
  if (menu.items.length === 0) return null;
  const address = type === 'delivery' ? dropoff(rng, profile) : null;
  if (type === 'delivery' && !address) return null;
  const minimum = type === 'delivery' ? (profile.zones[0]?.minimumOrder ?? 0) : 0;
  const items: Line[] = [];
  let subtotal = 0;
  const wanted = rng.int(1, 3);
  for (let i = 0; i < 8 && (items.length < wanted || subtotal < minimum); i += 1) {
    const item = rng.pick(menu.items);
    if (items.some((l) => l.itemId === item.id)) continue;
    const { line, price } = lineOf(item, rng.chance(0.25) ? 2 : 1);
    items.push(line);
    subtotal += price;
  }
  if (subtotal < minimum) return null;
  return {
    outletId,
    type,
    items,
    customer: { name: rng.pick(CUSTOMER_NAMES), phone: `+91 9${rng.int(1000, 9999)} ${rng.int(10000, 99999)}` },
    ...(address ? { address } : {}),
    ...(type === 'dine-in' ? { table: `T${rng.int(1, 12)}` } : {}),
    payment: { method: 'cash' },
  };
}
