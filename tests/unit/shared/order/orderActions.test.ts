import { money } from '../../../../shared/money';
import { describe, expect, it } from 'vitest';
import { proposeEvent } from '../../../../shared/order/commands';
import type { OrderEvent } from '../../../../shared/order/events';
import { nextActions, ORDER_ACTION_NAMES, ORDER_ACTIONS, type ActionData, type OrderAction } from '../../../../shared/order/orderActions';
import { reduceOrder } from '../../../../shared/order/reduceOrder';
import { ORDER_TYPES, type OrderType } from '../../../../shared/order/status';
import type { Actor } from '../../../../shared/roles';
import { ADMIN_ACTOR, DRIVER1, DRIVER1_ACTOR, DRIVER2_ACTOR, MINUTE, OUTLET, OUTLET_ACTOR, SYSTEM, T0, event, header } from './fixtures';

const ACTORS: readonly Actor[] = [OUTLET_ACTOR, ADMIN_ACTOR, DRIVER1_ACTOR, DRIVER2_ACTOR];
const sorted = (set: ReadonlySet<string>): string[] => [...set].sort();

/** Valid data for each action, to ask proposeEvent whether a real order takes it. */
const DATA: { readonly [A in OrderAction]: ActionData<A> } = {
  accept: { prepMinutes: 15 },
  reject: { reason: 'too busy' },
  prepare: {},
  markReady: {},
  delay: { minutes: 5 },
  handOver: {},
  cancel: { reason: 'ran out' },
  pickUp: {},
  deliver: {},
  fail: { reason: 'nobody home' },
  addNote: { text: 'ring twice' },
  acknowledge: {},
  collectCash: { amount: money(10_000) },
  failCode: {},
};

function proposable<A extends OrderAction>(actor: Actor, order: Parameters<typeof proposeEvent>[1], action: A, now: number): boolean {
  return proposeEvent(actor, order, ORDER_ACTIONS[action].event, DATA[action], now).ok;
}

/** Real histories reaching every status an order of `type` can reach, a driver assigned on the way for deliveries. */
function histories(type: OrderType): OrderEvent[][] {
  const placed = [event('placed', 0, SYSTEM, {})];
  const accepted = [...placed, event('accepted', MINUTE, OUTLET, { prepMinutes: 15 })];
  const preparing = [...accepted, event('preparing', 2 * MINUTE, OUTLET, {})];
  const ready = [...preparing, event('ready', 3 * MINUTE, OUTLET, {})];
  const all = [
    placed,
    accepted,
    preparing,
    ready,
    [...placed, event('rejected', MINUTE, OUTLET, { reason: 'too busy' })],
    [...accepted, event('cancelled', 2 * MINUTE, OUTLET, { reason: 'ran out' })],
  ];
  if (type !== 'delivery') return [...all, [...ready, event('handed_over', 4 * MINUTE, OUTLET, {})]];
  const assigned = [...ready, event('assigned', 4 * MINUTE, SYSTEM, { driverId: DRIVER1.id })];
  const pickedUp = [...assigned, event('picked_up', 5 * MINUTE, DRIVER1, {})];
  return [
    ...all,
    assigned,
    pickedUp,
    [...pickedUp, event('delivered', 6 * MINUTE, DRIVER1, {})],
    [...pickedUp, event('failed', 6 * MINUTE, DRIVER1, { reason: 'nobody home' })],
  ];
}

describe('nextActions', () => {
  for (const type of ORDER_TYPES) {
    it(`offers each role, in each status of a ${type} order, exactly the actions proposeEvent takes on the real order`, () => {
      for (const events of histories(type)) {
        const order = { header: header(type), state: reduceOrder(events, { orderType: type }) };
        const now = T0 + 10 * MINUTE;
        for (const actor of ACTORS) {
          const offered = nextActions(actor, { status: order.state.status, type, driverId: order.state.driverId });
          const taken = ORDER_ACTION_NAMES.filter((action) => proposable(actor, order, action, now));
          expect(sorted(offered), `${actor.id} on ${order.state.status}`).toEqual([...taken].sort());
        }
      }
    });
  }

  it('offers staff accept, reject, cancel or acknowledging the ring on a new order, hand-over only for a ready pickup, and no delay once ready', () => {
    const at = (status: 'placed' | 'ready' | 'delivered', type: OrderType) =>
      sorted(nextActions(OUTLET_ACTOR, { status, type, driverId: null }));
    expect(at('placed', 'pickup')).toEqual(['accept', 'acknowledge', 'addNote', 'cancel', 'reject']);
    expect(at('ready', 'pickup')).toEqual(['addNote', 'cancel', 'handOver']);
    expect(at('ready', 'dine-in')).toEqual(['addNote', 'cancel', 'handOver']);
    expect(at('ready', 'delivery')).toEqual(['addNote', 'cancel']);
    expect(at('delivered', 'pickup')).toEqual(['addNote']);
  });

  it('offers a driver pick-up, delivery (with its code tries), failure and the cash only on orders assigned to them', () => {
    const mine = { type: 'delivery', driverId: DRIVER1.id } as const;
    expect(sorted(nextActions(DRIVER1_ACTOR, { ...mine, status: 'ready' }))).toEqual(['addNote', 'pickUp']);
    expect(sorted(nextActions(DRIVER1_ACTOR, { ...mine, status: 'picked_up' }))).toEqual([
      'addNote',
      'collectCash',
      'deliver',
      'fail',
      'failCode',
    ]);
    expect(sorted(nextActions(DRIVER1_ACTOR, { ...mine, status: 'delivered' }))).toEqual(['addNote', 'collectCash']);
    expect(sorted(nextActions(DRIVER2_ACTOR, { ...mine, status: 'picked_up' }))).toEqual(['addNote']);
    expect(sorted(nextActions(DRIVER1_ACTOR, { ...mine, driverId: null, status: 'ready' }))).toEqual(['addNote']);
  });

  it('lets an admin cancel an order out for delivery, which the outlet may not', () => {
    const out = { status: 'picked_up', type: 'delivery', driverId: DRIVER1.id } as const;
    expect(sorted(nextActions(ADMIN_ACTOR, out))).toEqual(['addNote', 'cancel', 'deliver', 'fail']);
    expect(sorted(nextActions(OUTLET_ACTOR, out))).toEqual(['addNote']);
  });
});
