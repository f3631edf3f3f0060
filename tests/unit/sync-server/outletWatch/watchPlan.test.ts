import { describe, expect, it } from 'vitest';
import { OrderIdSchema, OutletIdSchema } from '../../../../shared/ids';
import { planOutlet, type OutletSight, type WatchLimits } from '../../../../sync-server/outletWatch/watchPlan';

const MIN = 60_000;
const limits: WatchLimits = { offlinePauseMs: 5 * MIN, escalateMs: 3 * MIN, alertMs: 6 * MIN };
const NOW = 1_800_000_000_000;
const outletId = OutletIdSchema.parse('kitchen');
const order = (id: string, waitedMin: number, escalated = false) => ({
  orderId: OrderIdSchema.parse(id),
  placedAt: NOW - waitedMin * MIN,
  escalated,
});

function sight(over: Partial<OutletSight>): OutletSight {
  return { outletId, name: 'Demo Kitchen', live: true, offlineSince: null, paused: null, waiting: [], ...over };
}

const types = (s: OutletSight) => planOutlet(s, NOW, limits).map((a) => a.type);

describe('planOutlet', () => {
  it('does nothing for an online outlet whose orders are fresh, and says nothing to their customers', () => {
    expect(planOutlet(sight({ waiting: [order('a', 1)] }), NOW, limits)).toEqual([{ type: 'notice', orderId: 'a', waiting: null }]);
  });

  it('pauses ordering and tells an admin once no device has been online for the limit while orders wait', () => {
    const actions = planOutlet(sight({ live: false, offlineSince: NOW - 5 * MIN, waiting: [order('a', 2)] }), NOW, limits);
    expect(actions.map((a) => a.type)).toEqual(['pause', 'alert', 'notice']);
    expect(actions[1]).toMatchObject({
      kind: 'outlet_offline',
      message: expect.stringContaining('offline for 5 minutes with 1 order waiting'),
    });
    expect(actions[2]).toEqual({ type: 'notice', orderId: 'a', waiting: 'offline' });
  });

  it('does not pause an outlet that went offline recently, nor one with nothing waiting', () => {
    expect(types(sight({ live: false, offlineSince: NOW - 4 * MIN, waiting: [order('a', 2)] }))).toEqual(['notice']);
    expect(types(sight({ live: false, offlineSince: NOW - 60 * MIN, waiting: [] }))).toEqual([]);
  });

  it('leaves a pause staff set in place and does not pause again over it', () => {
    const paused = { until: null, reason: 'Gas leak', at: NOW - MIN };
    expect(types(sight({ live: false, offlineSince: NOW - 9 * MIN, paused, waiting: [order('a', 2)] }))).toEqual(['alert', 'notice']);
    expect(types(sight({ live: true, paused }))).toEqual([]);
  });

  it('pauses again over a staff pause that has run out', () => {
    const paused = { until: NOW - 1, reason: 'Lunch rush', at: NOW - 30 * MIN };
    expect(types(sight({ live: false, offlineSince: NOW - 9 * MIN, paused, waiting: [order('a', 2)] }))).toContain('pause');
  });

  it('resumes its own pause as soon as a device is back', () => {
    const paused = { until: null, reason: 'offline', at: NOW - MIN, auto: 'tablet_offline' as const };
    expect(types(sight({ live: true, paused }))).toEqual(['resume']);
  });

  it('rings an online outlet harder once an order waits past the limit, once, and tells its customer the restaurant is slow', () => {
    const actions = planOutlet(sight({ waiting: [order('a', 3)] }), NOW, limits);
    expect(actions).toEqual([
      { type: 'escalate', outletId, orderId: 'a', waitedMs: 3 * MIN },
      { type: 'notice', orderId: 'a', waiting: 'slow' },
    ]);
    expect(types(sight({ waiting: [order('a', 4, true)] }))).toEqual(['notice']);
  });

  it('never rings harder at an offline outlet: nothing there would hear it', () => {
    expect(types(sight({ live: false, offlineSince: NOW - MIN, waiting: [order('a', 4)] }))).toEqual(['notice']);
  });

  it('tells an admin about an order unanswered past the alert limit, online or not', () => {
    const online = planOutlet(sight({ waiting: [order('a', 7, true)] }), NOW, limits);
    expect(online.find((a) => a.type === 'alert')).toMatchObject({ kind: 'order_unanswered', orderId: 'a', since: NOW - 7 * MIN });
    const offline = planOutlet(sight({ live: false, offlineSince: NOW - MIN, waiting: [order('b', 7)] }), NOW, limits);
    expect(offline.find((a) => a.type === 'alert')).toMatchObject({ message: expect.stringContaining('its tablets are offline') });
  });
});
