import fc from 'fast-check';
import type * as Y from 'yjs';
import { OUTLET_ROOTS } from '../../../../shared/catalog/outletDoc';
import type { UserId } from '../../../../shared/ids';
import { EVENT_TYPES, orderEventSchema, type EventType, type OrderEvent } from '../../../../shared/order/events';
import { appendEvent, readEvents } from '../../../../shared/order/orderDoc';
import { mayAppend } from '../../../../shared/permissions';
import type { Actor } from '../../../../shared/roles';
import { DEMO_MENU } from '../../../../sync-server/seed/demoCatalog';
import { SAMPLE_EVENT_DATA } from '../../../unit/shared/order/fixtures';

/**
 * What a device does to a document: an honest write (a note or availability entry), an order event of
 * a type its role may add (often an invalid transition, which the fold keeps as a conflict or the
 * server refuses as reopening a finished order), or a write the server must refuse (a backdated event,
 * an availability entry for an item that is not on the menu).
 */
export type Edit = 'note' | 'event' | 'refused';

export type Step =
  | { readonly kind: 'edit'; readonly device: number; readonly doc: number; readonly edit: Edit; readonly pick: number }
  | { readonly kind: 'assign'; readonly doc: number; readonly driver: number }
  | { readonly kind: 'tick'; readonly ms: number }
  | { readonly kind: 'up'; readonly device: number; readonly socket: number; readonly frames: number }
  | { readonly kind: 'down'; readonly device: number; readonly frames: number }
  | { readonly kind: 'flow'; readonly device: number }
  | { readonly kind: 'partition' | 'heal' | 'reconnect' | 'reap' | 'retry'; readonly device: number }
  | { readonly kind: 'kill'; readonly flushPercent: number; readonly downSteps: number }
  | {
      readonly kind: 'armKill';
      readonly nthWrite: number;
      readonly afterCommit: boolean;
      readonly flushPercent: number;
      readonly downSteps: number;
    }
  | { readonly kind: 'restart' };

const device = fc.nat(6);
const percent = fc.integer({ min: 0, max: 100 });
/** Steps the server stays down after a kill before it is started again. */
const downSteps = fc.nat(6);

export const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 14,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      device,
      doc: fc.nat(3),
      edit: fc.constantFrom<Edit>('note', 'note', 'note', 'event', 'event', 'event', 'event', 'refused'),
      pick: fc.nat(40),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('assign' as const), doc: fc.nat(3), driver: fc.nat(1) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 1, max: 120_000 }) }) },
  {
    weight: 8,
    arbitrary: fc.record({ kind: fc.constant('up' as const), device, socket: fc.nat(3), frames: fc.integer({ min: 1, max: 12 }) }),
  },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('down' as const), device, frames: fc.integer({ min: 1, max: 12 }) }) },
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('flow' as const), device }) },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constantFrom('partition' as const, 'heal' as const, 'reconnect' as const, 'reap' as const, 'retry' as const),
      device,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('kill' as const), flushPercent: percent, downSteps }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('armKill' as const),
      nthWrite: fc.integer({ min: 1, max: 12 }),
      afterCommit: fc.boolean(),
      flushPercent: percent,
      downSteps,
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
);

/** The run's shape: how often the server and the devices compact, how many orders and devices. */
export interface ChaosShape {
  readonly compactEvery: number;
  readonly deviceCompactAfter: number;
  readonly orders: number;
  readonly devices: number;
  /** Each device's clock against the server's: honest devices whose clocks are off write concurrent events out of order. */
  readonly clockSkews: readonly number[];
}

export const shapeArb: fc.Arbitrary<ChaosShape> = fc.record({
  compactEvery: fc.integer({ min: 3, max: 7 }),
  deviceCompactAfter: fc.integer({ min: 2, max: 8 }),
  orders: fc.integer({ min: 2, max: 3 }),
  devices: fc.integer({ min: 5, max: 7 }),
  clockSkews: fc.array(fc.integer({ min: -600_000, max: 120_000 }), { minLength: 7, maxLength: 7 }),
});

const AVAILABILITY_KEYS: readonly string[] = DEMO_MENU.items.flatMap((item) => [
  item.id,
  ...item.modifierGroups.flatMap((g) => g.options.map((o) => o.id)),
]);
const WRITABLE_TYPES = EVENT_TYPES.filter((t) => t !== 'placed' && t !== 'note');

/** The newest event time a replica has seen: an honest device stamps after it. */
export const newestSeen = (doc: Y.Doc): number => readEvents(doc).events.reduce((max, e) => Math.max(max, e.at), 0);

/** An order event as `actor` would write it now, stamped honestly (after everything seen) unless asked to backdate. */
export function orderEdit(
  actor: Actor,
  edit: Edit,
  pick: number,
  now: number,
  eventId: string,
  drivers: readonly UserId[],
): (doc: Y.Doc) => void {
  return (doc) => {
    const types = WRITABLE_TYPES.filter((t) => mayAppend(actor.role, t));
    const type: EventType = edit === 'note' ? 'note' : (types[pick % types.length] ?? 'note');
    const newest = newestSeen(doc);
    const at = edit === 'refused' ? newest - 1 - pick * 1000 : Math.max(now, newest + 1);
    const driverId = drivers[pick % drivers.length];
    const event: OrderEvent = orderEventSchema.parse({
      ...SAMPLE_EVENT_DATA[type],
      ...(type.endsWith('assigned') ? { driverId } : {}),
      id: eventId,
      type,
      at,
      by: { id: actor.id, role: actor.role },
    });
    appendEvent(doc, event);
  };
}

/** An availability change to the outlet document: 86 an item, bring one back, or name an item the menu lacks. */
export function outletEdit(edit: Edit, pick: number, now: number): (doc: Y.Doc) => void {
  return (doc) => {
    const availability = doc.getMap<unknown>(OUTLET_ROOTS.availability);
    const key = AVAILABILITY_KEYS[pick % AVAILABILITY_KEYS.length] ?? 'thali';
    if (edit === 'note') availability.set(key, { available: false, until: now + 3_600_000, at: now });
    else if (edit === 'event') availability.delete(key);
    else availability.set(`not-on-the-menu-${pick}`, { available: false, at: now });
  };
}
