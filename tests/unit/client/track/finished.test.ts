import { describe, expect, it } from 'vitest';
import type { TrackView } from '../../../../shared/track';
import { finished } from '../../../../client/track/finished';
import { trackViewOf } from '../support/trackViews';

const T0 = 1_700_000_000_000;
const clock = (at: number): string => `t+${(at - T0) / 60_000}`;
const view = (status: TrackView['status'], orderType: TrackView['orderType'], timeline: TrackView['timeline']): TrackView =>
  trackViewOf({ status, orderType, timeline: [{ type: 'placed', at: T0 }, ...timeline] });

describe('the finished state of a tracking page', () => {
  it('is absent while the order is still going', () => {
    for (const status of ['placed', 'accepted', 'ready', 'picked_up'] as const)
      expect(finished(view(status, 'delivery', []), clock)).toBeNull();
  });

  it('says a delivery was delivered, a pickup collected and a table served, with when', () => {
    expect(finished(view('delivered', 'delivery', [{ type: 'delivered', at: T0 + 40 * 60_000 }]), clock)?.headline).toBe(
      'Delivered at t+40',
    );
    expect(finished(view('delivered', 'pickup', [{ type: 'handed_over', at: T0 + 20 * 60_000 }]), clock)?.headline).toBe(
      'Collected at t+20',
    );
    expect(finished(view('delivered', 'dine-in', []), clock)?.headline).toBe('Served');
  });

  it('gives the restaurant’s reason on a rejection, when the view has one', () => {
    const rejected = view('rejected', 'pickup', [{ type: 'rejected', at: T0 + 60_000 }]);
    expect(finished(rejected, clock)).toEqual({ headline: 'The restaurant declined your order', detail: null });
    const withReason: TrackView = {
      ...rejected,
      details: {
        orderNumber: '#K7M3X',
        outletId: 'demo-outlet',
        pickupAddress: null,
        rejectionReason: 'Out of rice',
        pins: null,
        reorder: [],
      },
    };
    expect(finished(withReason, clock)?.detail).toBe('Their reason: “Out of rice”');
  });

  it('says a cancelled or failed order is over, and whom to call about a failed one', () => {
    expect(finished(view('cancelled', 'delivery', [{ type: 'cancelled', at: T0 + 5 * 60_000 }]), clock)?.headline).toBe(
      'Your order was cancelled at t+5',
    );
    expect(finished(view('failed', 'delivery', []), clock)).toEqual({
      headline: 'We couldn’t deliver your order',
      detail: 'Call Dabba Demo Kitchen on +91 80 4000 1234 about it.',
    });
  });
});
