import { describe, expect, it } from 'vitest';
import type { TrackView } from '../../../../shared/track';
import { headline, promise, timelineSteps } from '../../../../client/track/timeline';

const MIN = 60_000;
const T0 = Date.UTC(2025, 0, 1, 6, 30);
const clock = (ms: number): string => new Date(ms).toISOString().slice(11, 16);

const view = (patch: Partial<TrackView>): TrackView => ({
  status: 'placed',
  orderType: 'delivery',
  outletName: 'Dabba Demo Kitchen',
  outletPhone: '+91 80 4000 1234',
  placedAt: T0,
  readyBy: null,
  timeline: [{ type: 'placed', at: T0 }],
  items: [{ name: 'Masala Dosa', qty: 1 }],
  total: 16000,
  currency: 'INR',
  ...patch,
});

describe('the tracking timeline', () => {
  it('shows a new delivery order as placed, with every later step still to come', () => {
    const steps = timelineSteps(view({}), clock);
    expect(steps.map((s) => [s.key, s.state, s.at])).toEqual([
      ['placed', 'current', T0],
      ['accepted', 'upcoming', null],
      ['preparing', 'upcoming', null],
      ['ready', 'upcoming', null],
      ['picked_up', 'upcoming', null],
      ['delivered', 'upcoming', null],
    ]);
    expect(headline(view({}))).toBe('Placed');
  });

  it('shows the prep time and ready-by time once accepted', () => {
    const accepted = view({
      status: 'accepted',
      readyBy: T0 + 16 * MIN,
      timeline: [
        { type: 'placed', at: T0 },
        { type: 'accepted', at: T0 + MIN },
      ],
    });
    const step = timelineSteps(accepted, clock).find((s) => s.key === 'accepted');
    expect(step).toMatchObject({ state: 'current', at: T0 + MIN, detail: '15 min, ready by 06:46' });
    expect(promise(accepted, clock)).toBe('Ready by 06:46');
  });

  it('counts a skipped step as done without a time', () => {
    const ready = view({
      status: 'ready',
      orderType: 'pickup',
      timeline: [
        { type: 'placed', at: T0 },
        { type: 'accepted', at: T0 + MIN },
        { type: 'ready', at: T0 + 9 * MIN },
      ],
    });
    const steps = timelineSteps(ready, clock);
    expect(steps.map((s) => [s.key, s.state])).toEqual([
      ['placed', 'done'],
      ['accepted', 'done'],
      ['preparing', 'done'],
      ['ready', 'current'],
      ['delivered', 'upcoming'],
    ]);
    expect(steps.find((s) => s.key === 'preparing')?.at).toBeNull();
    expect(headline(ready)).toBe('Ready for pickup');
    expect(promise(ready, clock)).toBeNull();
  });

  it('ends a cancelled order at the cancellation, with its time', () => {
    const cancelled = view({
      status: 'cancelled',
      timeline: [
        { type: 'placed', at: T0 },
        { type: 'accepted', at: T0 + MIN },
        { type: 'cancelled', at: T0 + 5 * MIN },
      ],
    });
    expect(timelineSteps(cancelled, clock).map((s) => [s.key, s.state, s.at])).toEqual([
      ['placed', 'done', T0],
      ['accepted', 'done', T0 + MIN],
      ['cancelled', 'stopped', T0 + 5 * MIN],
    ]);
    expect(headline(cancelled)).toBe('Cancelled');
  });

  it('calls a rejected order declined by the restaurant', () => {
    const rejected = view({
      status: 'rejected',
      timeline: [
        { type: 'placed', at: T0 },
        { type: 'rejected', at: T0 + MIN },
      ],
    });
    expect(headline(rejected)).toBe('Declined by the restaurant');
    expect(timelineSteps(rejected, clock).map((s) => s.key)).toEqual(['placed', 'rejected']);
  });

  it('says a delayed order has a new time, and does not claim the original prep time', () => {
    const delayed = view({
      status: 'preparing',
      readyBy: T0 + 26 * MIN,
      timeline: [
        { type: 'placed', at: T0 },
        { type: 'accepted', at: T0 + MIN },
        { type: 'preparing', at: T0 + 2 * MIN },
        { type: 'delayed', at: T0 + 3 * MIN },
      ],
    });
    expect(timelineSteps(delayed, clock).find((s) => s.key === 'accepted')?.detail).toBe('ready by 06:56');
    expect(promise(delayed, clock)).toBe('Ready by 06:56 (the restaurant updated the time)');
  });

  it('calls a handed-over dine-in order served', () => {
    const served = view({
      status: 'delivered',
      orderType: 'dine-in',
      timeline: [
        { type: 'placed', at: T0 },
        { type: 'handed_over', at: T0 + 20 * MIN },
      ],
    });
    const last = timelineSteps(served, clock).at(-1);
    expect(last).toMatchObject({ label: 'Served', state: 'current', at: T0 + 20 * MIN });
  });
});

describe('a delivery the driver picked up before the kitchen marked it ready', () => {
  const early = (patch: Partial<TrackView>): TrackView =>
    view({
      status: 'picked_up',
      readyBy: T0 + 16 * MIN,
      timeline: [
        { type: 'placed', at: T0 },
        { type: 'accepted', at: T0 + MIN },
        { type: 'assigned', at: T0 + 2 * MIN },
        { type: 'picked_up', at: T0 + 6 * MIN },
      ],
      ...patch,
    });

  it('does not show Preparing and Ready as done, and says the pickup came first', () => {
    const steps = timelineSteps(early({}), clock);
    expect(steps.map((s) => [s.key, s.state, s.at])).toEqual([
      ['placed', 'done', T0],
      ['accepted', 'done', T0 + MIN],
      ['preparing', 'skipped', null],
      ['ready', 'skipped', null],
      ['picked_up', 'current', T0 + 6 * MIN],
      ['delivered', 'upcoming', null],
    ]);
    expect(steps.find((s) => s.key === 'ready')?.detail).toBe('Not marked by the kitchen');
    expect(steps.find((s) => s.key === 'picked_up')?.detail).toBe('Picked up before the kitchen marked it ready');
  });

  it('keeps Preparing done when the kitchen had started, and still not Ready', () => {
    const preparing = early({
      timeline: [
        { type: 'placed', at: T0 },
        { type: 'accepted', at: T0 + MIN },
        { type: 'preparing', at: T0 + 2 * MIN },
        { type: 'picked_up', at: T0 + 6 * MIN },
      ],
    });
    expect(timelineSteps(preparing, clock).map((s) => [s.key, s.state])).toEqual([
      ['placed', 'done'],
      ['accepted', 'done'],
      ['preparing', 'done'],
      ['ready', 'skipped'],
      ['picked_up', 'current'],
      ['delivered', 'upcoming'],
    ]);
  });

  it('still says so once delivered', () => {
    const delivered = early({
      status: 'delivered',
      timeline: [...early({}).timeline, { type: 'delivered', at: T0 + 20 * MIN }],
    });
    const steps = timelineSteps(delivered, clock);
    expect(steps.find((s) => s.key === 'ready')?.state).toBe('skipped');
    expect(steps.find((s) => s.key === 'picked_up')).toMatchObject({
      state: 'done',
      detail: 'Picked up before the kitchen marked it ready',
    });
  });

  it('shows a pickup after Ready as the usual done steps, without the note', () => {
    const onTime = early({
      timeline: [
        { type: 'placed', at: T0 },
        { type: 'accepted', at: T0 + MIN },
        { type: 'ready', at: T0 + 5 * MIN },
        { type: 'picked_up', at: T0 + 6 * MIN },
      ],
    });
    const steps = timelineSteps(onTime, clock);
    expect(steps.find((s) => s.key === 'preparing')).toMatchObject({ state: 'done', at: null, detail: null });
    expect(steps.find((s) => s.key === 'ready')).toMatchObject({ state: 'done', at: T0 + 5 * MIN });
    expect(steps.find((s) => s.key === 'picked_up')?.detail).toBeNull();
  });
});
