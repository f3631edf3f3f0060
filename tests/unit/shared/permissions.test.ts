import { describe, expect, it } from 'vitest';
import { OUTLET_ROOTS } from '../../../shared/catalog/outletDoc';
import type { DocRef } from '../../../shared/docNames';
import type { OrderId, TrackingToken, UserId } from '../../../shared/ids';
import { EVENTS_ARRAY } from '../../../shared/order/orderDoc';
import { maySubscribe, writableRoots, type OrderAccessFacts } from '../../../shared/permissions';
import type { Actor } from '../../../shared/roles';
import { ADMIN_ACTOR, DRIVER1_ACTOR, DRIVER2_ACTOR, OTHER_OUTLET_ID, OUTLET_ACTOR, OUTLET_ID } from './order/fixtures';

const OTHER_OUTLET_ACTOR: Actor = { id: 'cook-2' as UserId, role: 'outlet', outletId: OTHER_OUTLET_ID };
const ACTORS = {
  anonymous: null,
  admin: ADMIN_ACTOR,
  outlet: OUTLET_ACTOR,
  otherOutlet: OTHER_OUTLET_ACTOR,
  driver: DRIVER1_ACTOR,
  otherDriver: DRIVER2_ACTOR,
} as const;
type Who = keyof typeof ACTORS;

const order: DocRef = { kind: 'order', orderId: 'order-1' as OrderId };
const assignedToDriver1: OrderAccessFacts = { outletId: OUTLET_ID, driverId: DRIVER1_ACTOR.id };
const unassigned: OrderAccessFacts = { outletId: OUTLET_ID, driverId: null };

/** Each document (with the order's facts where it is an order) and who may hold it. */
const MATRIX: readonly {
  readonly doc: string;
  readonly ref: DocRef;
  readonly facts?: OrderAccessFacts;
  readonly allowed: readonly Who[];
}[] = [
  { doc: 'an order of the outlet, assigned to driver 1', ref: order, facts: assignedToDriver1, allowed: ['admin', 'outlet', 'driver'] },
  { doc: 'an order of the outlet, with no driver yet', ref: order, facts: unassigned, allowed: ['admin', 'outlet'] },
  { doc: 'an order whose facts are unknown', ref: order, allowed: ['admin'] },
  { doc: "the outlet's catalog", ref: { kind: 'outlet', outletId: OUTLET_ID }, allowed: ['admin', 'outlet'] },
  { doc: "the outlet's inbox", ref: { kind: 'outletInbox', outletId: OUTLET_ID }, allowed: ['admin', 'outlet'] },
  { doc: "driver 1's inbox", ref: { kind: 'driverInbox', driverId: DRIVER1_ACTOR.id }, allowed: ['admin', 'driver'] },
  { doc: 'the admin inbox', ref: { kind: 'adminInbox' }, allowed: ['admin'] },
  {
    doc: 'a tracking page',
    ref: { kind: 'track', token: 't0k3n' as TrackingToken },
    allowed: ['anonymous', 'admin', 'outlet', 'otherOutlet', 'driver', 'otherDriver'],
  },
];

describe('maySubscribe', () => {
  for (const row of MATRIX) {
    it(`lets only ${row.allowed.join(', ')} hold ${row.doc}`, () => {
      const who = (Object.keys(ACTORS) as Who[]).filter((w) => maySubscribe(ACTORS[w], row.ref, row.facts));
      expect(who).toEqual(row.allowed);
    });
  }
});

describe('writableRoots', () => {
  const every: readonly Actor[] = [ADMIN_ACTOR, OUTLET_ACTOR, DRIVER1_ACTOR];

  it('lets everyone who holds an order append to its events and nothing else', () => {
    for (const actor of every) expect([...writableRoots(actor, order)]).toEqual([EVENTS_ARRAY]);
  });

  it('lets admins write the whole catalog, outlet staff only availability and status, drivers nothing', () => {
    const outlet: DocRef = { kind: 'outlet', outletId: OUTLET_ID };
    expect(writableRoots(ADMIN_ACTOR, outlet)).toEqual(new Set(Object.values(OUTLET_ROOTS)));
    expect(writableRoots(OUTLET_ACTOR, outlet)).toEqual(new Set([OUTLET_ROOTS.availability, OUTLET_ROOTS.status]));
    expect(writableRoots(DRIVER1_ACTOR, outlet).size).toBe(0);
  });

  it('leaves inboxes and tracking documents to the server alone, even for admins', () => {
    const serverOnly: readonly DocRef[] = [
      { kind: 'outletInbox', outletId: OUTLET_ID },
      { kind: 'driverInbox', driverId: DRIVER1_ACTOR.id },
      { kind: 'adminInbox' },
      { kind: 'track', token: 't0k3n' as TrackingToken },
    ];
    for (const ref of serverOnly) for (const actor of every) expect(writableRoots(actor, ref).size, `${actor.role} ${ref.kind}`).toBe(0);
  });
});
