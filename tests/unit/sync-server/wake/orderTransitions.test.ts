import { describe, expect, it } from 'vitest';
import { TrackingTokenSchema } from '../../../../shared/ids';
import { money } from '../../../../shared/money';
import type { OrderEvent } from '../../../../shared/order/events';
import type { OrderView } from '../../../../shared/order/orderDoc';
import { reduceOrder } from '../../../../shared/order/reduceOrder';
import type { OrderType } from '../../../../shared/order/status';
import type { WakeMark } from '../../../../sync-server/storage/wakeMarks';
import { wakesForChange } from '../../../../sync-server/wake/orderTransitions';
import { ADMIN, DRIVER1, DRIVER1_ACTOR, DRIVER2_ACTOR, event, header, OUTLET, SYSTEM } from '../../shared/order/fixtures';

const LINK = TrackingTokenSchema.parse('link-of-order-1');
const placed = event('placed', 0, SYSTEM, {});

function viewOf(events: readonly OrderEvent[], type: OrderType = 'delivery'): OrderView {
  const base = header(type);
  const [first] = base.items;
  if (!first) throw new Error('the fixture header has no line');
  const line = { ...first, qty: 2, lineTotal: money(29_000) };
  const h = { ...base, items: [line], totals: { subtotal: line.lineTotal, deliveryFee: money(4_000), total: money(33_000) } };
  return { header: h, state: reduceOrder([placed, ...events], { orderType: type }) };
}

const mark = (status: WakeMark['status'], driverId: WakeMark['driverId'] = null): WakeMark => ({ status, driverId });
const accepted = event('accepted', 1_000, OUTLET, { prepMinutes: 20 });
const assigned = event('assigned', 2_000, SYSTEM, { driverId: DRIVER1_ACTOR.id });

describe('wakesForChange', () => {
  it('rings the outlet for a card order only once it is paid, and never for one given up unpaid', () => {
    const pending = event('payment_pending', 1, SYSTEM, {
      provider: 'stripe',
      amount: money(33_000),
      currency: 'INR',
      checkoutRef: 'cs_1',
      expiresAt: Date.now() + 1_800_000,
    });
    expect(wakesForChange(null, viewOf([pending]), LINK)).toEqual([]);
    const paid = event('paid', 500, SYSTEM, { provider: 'stripe', amount: money(33_000), currency: 'INR', paymentRef: 'pi_1' });
    const rings = wakesForChange(mark('awaiting_payment'), viewOf([pending, paid]), LINK);
    expect(rings.map((w) => [w.target.kind, w.data.kind])).toEqual([['outlet', 'new_order']]);
    const expired = event('cancelled', 600, SYSTEM, { reason: 'The card payment was not completed in time.' });
    expect(wakesForChange(mark('awaiting_payment'), viewOf([pending, expired]), LINK)).toEqual([]);
  });

  it('wakes the outlet for a new order with a line a person understands', () => {
    expect(wakesForChange(null, viewOf([]), LINK)).toEqual([
      {
        target: { kind: 'outlet', outletId: 'outlet-1' },
        data: {
          dabba: '1',
          kind: 'new_order',
          docs: ['order:order-1', 'inbox:outlet:outlet-1'],
          title: 'Dabba Kitchen',
          body: 'New order #order- — 2 items, ₹330',
          open: '/outlet/#/board/order-1',
          tag: 'order-order-1',
        },
      },
    ]);
  });

  it('says nothing when nothing that matters changed, or for an order it first sees finished', () => {
    expect(wakesForChange(mark('placed'), viewOf([event('note', 500, OUTLET, { text: 'extra chutney' })]), LINK)).toEqual([]);
    expect(wakesForChange(null, viewOf([accepted]), LINK)).toEqual([]);
  });

  it('tells the customer their order was accepted, is on its way, and was delivered', () => {
    const picked = event('picked_up', 3_000, DRIVER1, {});
    const steps: [WakeMark, OrderEvent[], string][] = [
      [mark('placed'), [accepted], 'Dabba Kitchen accepted your order: ready in about 20 min.'],
      [mark('accepted', DRIVER1_ACTOR.id), [accepted, assigned, picked], 'Your order is on its way.'],
      [
        mark('picked_up', DRIVER1_ACTOR.id),
        [accepted, assigned, picked, event('delivered', 4_000, DRIVER1, {})],
        'Your order was delivered. Enjoy your meal!',
      ],
    ];
    for (const [before, events, line] of steps) {
      const wakes = wakesForChange(before, viewOf(events), LINK);
      expect(wakes).toEqual([
        {
          target: { kind: 'track', token: LINK },
          data: expect.objectContaining({
            kind: 'track_status',
            docs: [`track:${LINK}`],
            body: line,
            open: `/track/${LINK}`,
            tag: `track-${LINK}`,
          }),
        },
      ]);
    }
  });

  it('tells a pickup customer when to come, and stays quiet for steps that are not news', () => {
    const ready = wakesForChange(
      mark('preparing'),
      viewOf([accepted, event('preparing', 1_500, OUTLET, {}), event('ready', 2_000, OUTLET, {})], 'pickup'),
      LINK,
    );
    expect(ready.map((w) => w.data.body)).toEqual(['Your order is ready to collect.']);
    expect(wakesForChange(mark('accepted'), viewOf([accepted, event('preparing', 1_500, OUTLET, {})]), LINK)).toEqual([]);
  });

  it('wakes the driver an order is assigned to, and the one taken off it', () => {
    const toDriver1 = wakesForChange(mark('accepted'), viewOf([accepted, assigned]), LINK);
    expect(toDriver1).toEqual([
      {
        target: { kind: 'user', userId: DRIVER1_ACTOR.id },
        data: expect.objectContaining({
          kind: 'assigned',
          docs: ['order:order-1', `inbox:driver:${DRIVER1_ACTOR.id}`],
          body: 'Order #order- from Dabba Kitchen is yours: 2 items, ₹330',
          open: '/driver/#/job/order-1',
        }),
      },
    ]);
    const reassigned = viewOf([
      accepted,
      assigned,
      event('unassigned', 3_000, ADMIN, { driverId: DRIVER1_ACTOR.id, reason: 'stuck in traffic' }),
      event('assigned', 3_500, ADMIN, { driverId: DRIVER2_ACTOR.id }),
    ]);
    const wakes = wakesForChange(mark('accepted', DRIVER1_ACTOR.id), reassigned, LINK);
    expect(wakes.map((w) => [w.target, w.data.kind, w.data.docs])).toEqual([
      [{ kind: 'user', userId: DRIVER1_ACTOR.id }, 'cancelled', [`inbox:driver:${DRIVER1_ACTOR.id}`]],
      [{ kind: 'user', userId: DRIVER2_ACTOR.id }, 'assigned', ['order:order-1', `inbox:driver:${DRIVER2_ACTOR.id}`]],
    ]);
  });

  it('tells the outlet and the driver of a cancellation they did not make, and the customer', () => {
    const byAdmin = viewOf([accepted, assigned, event('cancelled', 3_000, ADMIN, { reason: 'customer called to cancel' })]);
    const wakes = wakesForChange(mark('accepted', DRIVER1_ACTOR.id), byAdmin, LINK);
    expect(wakes.map((w) => [w.target.kind, w.data.kind, w.data.body])).toEqual([
      ['outlet', 'cancelled', 'Order #order- was cancelled: customer called to cancel'],
      ['user', 'cancelled', 'Order #order- from Dabba Kitchen was cancelled: customer called to cancel'],
      ['track', 'track_status', 'Your order was cancelled.'],
    ]);
    const byOutlet = viewOf([accepted, assigned, event('cancelled', 3_000, OUTLET, { reason: 'out of rice' })]);
    expect(wakesForChange(mark('accepted', DRIVER1_ACTOR.id), byOutlet, LINK).map((w) => w.target.kind)).toEqual(['user', 'track']);
  });
});
