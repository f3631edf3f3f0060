import * as Y from 'yjs';
import { writeCatalog } from '../../shared/catalog/outletDoc';
import { orderDocName, outletDocName, outletInboxName } from '../../shared/docNames';
import type { ItemId, OrderId, OutletId, UserId } from '../../shared/ids';
import { inboxMap } from '../../shared/inbox';
import { money } from '../../shared/money';
import { parseOrderEvent, type EventType } from '../../shared/order/events';
import type { OrderHeader } from '../../shared/order/header';
import { appendEvent, createOrderDoc } from '../../shared/order/orderDoc';
import type { OrderType } from '../../shared/order/status';
import { SYSTEM_ID } from '../../shared/roles';
import { projectOrderRow } from '../../client/common/store/orderRows';
import { ORDER_PROJECTION_VERSION } from '../../client/common/store/rebuildOrderRows';
import type { OrderRow } from '../../client/common/store/db';
import { DEMO_MENU, DEMO_OUTLET } from '../../sync-server/seed/demoCatalog';

/**
 * What a busy outlet tablet holds after a long day: order documents as stored update rows, the
 * inbox that lists them, the outlet document, the query rows derived from them, and a session.
 * Built here with the real shared/ code, then written straight into the browser's IndexedDB.
 */

export const OUTLET = DEMO_OUTLET.id as OutletId;
const STAFF = 'bench-staff' as UserId;
const DRIVER = 'bench-driver' as UserId;
const MINUTE = 60_000;

export interface SeedUpdate {
  readonly docName: string;
  /** Base64 of the Yjs update, stored as a synced row. */
  readonly update: string;
}

export interface Seed {
  readonly updates: readonly SeedUpdate[];
  readonly orders: readonly OrderRow[];
  readonly session: {
    readonly key: 'current';
    readonly token: string;
    readonly user: { readonly id: string; readonly role: 'outlet'; readonly outletId: string };
  };
  readonly projectionVersion: number;
  /** Ids of accepted orders, for the status-change clicks. */
  readonly accepted: readonly string[];
}

/** How a day's orders stand at the end of the evening rush: most done, a few hundred still on the board. */
const MIX: readonly { readonly steps: readonly EventType[]; readonly count: number; readonly type: OrderType }[] = [
  { steps: ['placed'], count: 40, type: 'pickup' },
  { steps: ['placed', 'accepted'], count: 80, type: 'delivery' },
  { steps: ['placed', 'accepted', 'preparing'], count: 80, type: 'pickup' },
  { steps: ['placed', 'accepted', 'preparing', 'ready'], count: 60, type: 'dine-in' },
  { steps: ['placed', 'accepted', 'preparing', 'ready', 'assigned', 'picked_up'], count: 40, type: 'delivery' },
  { steps: ['placed', 'accepted', 'preparing', 'ready', 'assigned', 'picked_up', 'delivered'], count: 900, type: 'delivery' },
  { steps: ['placed', 'accepted', 'preparing', 'ready', 'handed_over'], count: 740, type: 'pickup' },
  { steps: ['placed', 'rejected'], count: 30, type: 'pickup' },
  { steps: ['placed', 'accepted', 'cancelled'], count: 30, type: 'delivery' },
];

const NAMES = ['Meera', 'Ravi', 'Asha', 'Kiran', 'Arjun', 'Divya', 'Farah', 'Gopal', 'Isha', 'Joseph'];

function header(id: OrderId, n: number, type: OrderType, createdAt: number): OrderHeader {
  const [dosa, coffee] = [DEMO_MENU.items[1], DEMO_MENU.items[4]];
  if (!dosa || !coffee) throw new Error('the demo menu changed');
  const lines = [
    {
      itemId: dosa.id as ItemId,
      name: dosa.name,
      qty: 1 + (n % 3),
      unitPrice: money(dosa.price),
      modifiers: [],
      lineTotal: money(dosa.price * (1 + (n % 3))),
    },
    {
      itemId: coffee.id as ItemId,
      name: coffee.name,
      qty: 1,
      unitPrice: money(coffee.price),
      modifiers: [],
      lineTotal: money(coffee.price),
    },
  ];
  const subtotal = lines.reduce((sum, l) => sum + l.lineTotal, 0);
  const fee = type === 'delivery' ? 4_000 : 0;
  return {
    id,
    outletId: OUTLET,
    outlet: { name: DEMO_OUTLET.name, phone: DEMO_OUTLET.phone, address: DEMO_OUTLET.address, lat: DEMO_OUTLET.lat, lng: DEMO_OUTLET.lng },
    type,
    customer: { name: `${NAMES[n % NAMES.length] ?? 'Guest'} ${n}`, phone: `+91 98450 ${String(10_000 + n).slice(-5)}` },
    ...(type === 'delivery' ? { address: { text: `${n} Brigade Road`, lat: 12.97, lng: 77.61 } } : {}),
    ...(type === 'dine-in' ? { table: String(1 + (n % 20)) } : {}),
    items: lines,
    totals: { subtotal: money(subtotal), deliveryFee: money(fee), total: money(subtotal + fee) },
    payment: { method: 'cash' },
    currency: 'INR',
    createdAt,
  };
}

const DATA: Partial<Record<EventType, object>> = {
  accepted: { prepMinutes: 15 },
  rejected: { reason: 'Kitchen too busy' },
  cancelled: { reason: 'Customer asked to cancel' },
  assigned: { driverId: DRIVER },
};
const AUTHOR: Partial<Record<EventType, { id: UserId; role: 'system' | 'driver' }>> = {
  assigned: { id: SYSTEM_ID, role: 'system' },
  picked_up: { id: DRIVER, role: 'driver' },
  delivered: { id: DRIVER, role: 'driver' },
};

function orderDoc(id: OrderId, n: number, type: OrderType, steps: readonly EventType[], placedAt: number): Y.Doc {
  const doc = new Y.Doc();
  createOrderDoc(doc, header(id, n, type, placedAt));
  steps.slice(1).forEach((type, i) => {
    const parsed = parseOrderEvent({
      ...DATA[type],
      id: `${id}-e${i}`,
      type,
      at: placedAt + (i + 1) * MINUTE,
      by: AUTHOR[type] ?? { id: STAFF, role: 'outlet' },
    });
    if (!parsed.ok) throw new Error(parsed.error.message);
    appendEvent(doc, parsed.value);
  });
  return doc;
}

const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/**
 * `total` orders (scaled from the mix), all placed today between `from` and `to` so every one
 * belongs on today's board; the done ones are the oldest.
 */
export function buildSeed(total: number, from: number, to: number): Seed {
  const scale = total / MIX.reduce((sum, m) => sum + m.count, 0);
  const plan = MIX.flatMap((m) => Array.from({ length: Math.round(m.count * scale) }, () => m)).slice(0, total);
  // Open orders are the most recent; the last event of each is still before `to`.
  plan.reverse();
  const span = Math.max(1, to - from - 10 * MINUTE);
  const updates: SeedUpdate[] = [];
  const orders: OrderRow[] = [];
  const accepted: string[] = [];
  const inbox = new Y.Doc();
  plan.forEach((m, n) => {
    const id = `bench-${String(n).padStart(5, '0')}` as OrderId;
    const placedAt = Math.round(to - 10 * MINUTE - (span * n) / plan.length);
    const doc = orderDoc(id, n, m.type, m.steps, placedAt);
    updates.push({ docName: orderDocName(id), update: base64(Y.encodeStateAsUpdate(doc)) });
    const row = projectOrderRow(doc, 'synced');
    if (!row) throw new Error('seed order has no row');
    orders.push(row);
    if (row.status === 'accepted') accepted.push(id);
    inboxMap(inbox).set(id, { placedAt });
  });
  const outlet = new Y.Doc();
  writeCatalog(outlet, DEMO_OUTLET, DEMO_MENU);
  updates.push({ docName: outletInboxName(OUTLET), update: base64(Y.encodeStateAsUpdate(inbox)) });
  updates.push({ docName: outletDocName(OUTLET), update: base64(Y.encodeStateAsUpdate(outlet)) });
  return {
    updates,
    orders,
    accepted,
    projectionVersion: ORDER_PROJECTION_VERSION,
    session: { key: 'current', token: 'bench-offline-token', user: { id: STAFF, role: 'outlet', outletId: OUTLET } },
  };
}
