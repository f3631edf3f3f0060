import { describe, expect, it } from 'vitest';
import type { TrackView } from '../../../../shared/track';
import { outletWaitingText } from '../../../../client/track/outletWaiting';

const view = (over: Partial<TrackView>): TrackView => ({
  status: 'placed',
  orderType: 'delivery',
  outletName: 'Demo Kitchen',
  outletPhone: '+91 80 1234 5678',
  placedAt: 0,
  readyBy: null,
  timeline: [],
  items: [],
  total: 0,
  currency: 'INR',
  ...over,
});

describe('what a customer reads while the restaurant has not answered', () => {
  it('says the tablet is offline, or that the restaurant is slow, while the order is placed', () => {
    expect(outletWaitingText(view({ outletWaiting: 'offline' }))).toMatch(/tablet is offline/);
    expect(outletWaitingText(view({ outletWaiting: 'slow' }))).toMatch(/not confirmed your order yet/);
  });

  it('says nothing once the order moved on, or when nothing is known (a view cached before the field existed)', () => {
    expect(outletWaitingText(view({ status: 'accepted', outletWaiting: 'offline' }))).toBeNull();
    expect(outletWaitingText(view({}))).toBeNull();
    expect(outletWaitingText(view({ outletWaiting: null }))).toBeNull();
  });
});
