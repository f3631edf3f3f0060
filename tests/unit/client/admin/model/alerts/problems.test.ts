import { describe, expect, it } from 'vitest';
import { findProblems } from '../../../../../../client/admin/model/alerts/problems';
import type { KeyedAlert } from '../../../../../../client/admin/model/alerts/serverAlerts';
import type { DispatchEntry } from '../../../../../../shared/adminDispatch';
import type { OrderId, OutletId } from '../../../../../../shared/ids';
import { DRIVER1, event, MINUTE, OUTLET, SYSTEM, T0 } from '../../../../shared/order/fixtures';
import { heldOrder } from '../../support/heldOrders';

const unanswered: KeyedAlert = {
  key: 'order_unanswered:waiting',
  alert: {
    kind: 'order_unanswered',
    outletId: 'outlet-1' as OutletId,
    orderId: 'waiting' as OrderId,
    message: 'Dabba Kitchen has not answered an order for 6 minutes.',
    since: T0,
    raisedAt: T0 + 6 * MINUTE,
    resolvedAt: null,
  },
};

describe('findProblems', () => {
  it('raises late orders, today’s rejections and failures with their reasons, and the server’s open alerts', () => {
    const orders = [
      heldOrder('waiting', [], { customer: 'Wasim' }),
      heldOrder('slow', [event('accepted', MINUTE, OUTLET, { prepMinutes: 5 })], { customer: 'Sara' }),
      heldOrder('rejected', [event('rejected', MINUTE, OUTLET, { reason: 'Kitchen too busy' })], { customer: 'Ravi' }),
      heldOrder(
        'failed',
        [
          event('accepted', MINUTE, OUTLET, { prepMinutes: 5 }),
          event('assigned', 2 * MINUTE, SYSTEM, { driverId: DRIVER1.id }),
          event('picked_up', 7 * MINUTE, DRIVER1, {}),
          event('failed', 9 * MINUTE, DRIVER1, { reason: 'Nobody at the door' }),
        ],
        { customer: 'Fatima' },
      ),
      heldOrder('fine', [event('accepted', 9 * MINUTE, OUTLET, { prepMinutes: 30 })], { customer: 'Om' }),
    ];
    const problems = findProblems(orders, [unanswered], new Map(), T0 + 10 * MINUTE, T0 - MINUTE);
    expect(problems.map((p) => [p.key, p.kind])).toEqual([
      ['order_unanswered:waiting', 'order_unanswered'],
      ['late:slow', 'late'],
      ['rejected:rejected', 'rejected'],
      ['failed:failed', 'failed'],
    ]);
    expect(problems.find((p) => p.kind === 'rejected')?.text).toBe('#reject (Ravi, Dabba Kitchen) was rejected: Kitchen too busy');
    expect(problems.find((p) => p.kind === 'failed')?.text).toBe(
      '#failed (Fatima, Dabba Kitchen) could not be delivered: Nobody at the door',
    );
    expect(problems.find((p) => p.kind === 'late')?.text).toMatch(/^#slow \(Sara, Dabba Kitchen\): 4 min late · due/);
  });

  it('leaves out rejections from before today', () => {
    const orders = [heldOrder('rejected', [event('rejected', MINUTE, OUTLET, { reason: 'closed' })])];
    expect(findProblems(orders, [], new Map(), T0 + 10 * MINUTE, T0 + 5 * MINUTE)).toEqual([]);
  });

  it('raises a delivery nobody could be offered, and one whose offer a driver let lapse, while it still waits', () => {
    const accepted = event('accepted', MINUTE, OUTLET, { prepMinutes: 30 });
    const stuck = heldOrder('stuck', [accepted], { customer: 'Sunil' });
    const lapsed = heldOrder('lapsed', [accepted], { customer: 'Lalit' });
    const taken = heldOrder('taken', [accepted, event('assigned', 2 * MINUTE, SYSTEM, { driverId: DRIVER1.id })], { customer: 'Tara' });
    const pass = { driverId: DRIVER1.id, driverName: 'Ravi Kumar', reason: 'timeout', said: null, at: T0 + 3 * MINUTE } as const;
    const dispatch = new Map<OrderId, DispatchEntry>([
      [stuck.id, { orderId: stuck.id, offer: null, passes: [], waitingSince: T0 + 2 * MINUTE }],
      [lapsed.id, { orderId: lapsed.id, offer: null, passes: [pass], waitingSince: null }],
      [taken.id, { orderId: taken.id, offer: null, passes: [pass], waitingSince: T0 + 2 * MINUTE }],
    ]);
    const problems = findProblems([stuck, lapsed, taken], [], dispatch, T0 + 4 * MINUTE, T0);
    expect(problems.map((p) => [p.key, p.kind])).toEqual([
      ['no_driver:stuck', 'no_driver'],
      ['offer_unanswered:lapsed', 'offer_unanswered'],
    ]);
    expect(problems[0]?.text).toMatch(/^#stuck \(Sunil, Dabba Kitchen\): no driver could be offered it since /);
    expect(problems[1]?.text).toBe('#lapsed (Lalit, Dabba Kitchen): Ravi Kumar did not answer the offer; it moved on');
  });

  it('raises an order where a change made apart had no effect, again when another one loses', () => {
    const accepted = event('accepted', MINUTE, OUTLET, { prepMinutes: 30 });
    const cancelled = event('cancelled', 2 * MINUTE, OUTLET, { reason: 'Kitchen problem' });
    const ready = event('ready', 3 * MINUTE, OUTLET, {});
    const once = findProblems([heldOrder('apart', [accepted, cancelled, ready])], [], new Map(), T0 + 4 * MINUTE, T0);
    expect(once.map((p) => [p.key, p.text])).toEqual([
      ['conflict:apart:1', '#apart (Asha, Dabba Kitchen): a change made while devices were apart had no effect'],
    ]);
    const again = event('preparing', 4 * MINUTE, OUTLET, {});
    const twice = findProblems([heldOrder('apart', [accepted, cancelled, ready, again])], [], new Map(), T0 + 5 * MINUTE, T0);
    expect(twice.map((p) => p.key)).toEqual(['conflict:apart:2']);
  });
});
