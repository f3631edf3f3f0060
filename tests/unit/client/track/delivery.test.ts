import { describe, expect, it } from 'vitest';
import type { TrackView } from '../../../../shared/track';
import { arrivalText, driverNews, positionFreshness, STALE_AFTER_MS } from '../../../../client/track/delivery';

const T0 = 1_700_000_000_000;
const clock = (ms: number): string => `@${(ms - T0) / 60_000}`;
const VIEW: TrackView = {
  status: 'picked_up',
  orderType: 'delivery',
  outletName: 'Dabba Demo Kitchen',
  outletPhone: '+91 80 4000 1234',
  placedAt: T0,
  readyBy: T0 + 900_000,
  timeline: [],
  items: [],
  total: 28_000,
  currency: 'INR',
  driver: { firstName: 'Ravi' },
  driverPosition: { lat: 12.97, lng: 77.6, at: T0 },
  estimatedArrival: T0 + 1_200_000,
  dropoffArea: 'Residency Road',
};

describe('the driver on the tracking page', () => {
  it('calls a position fresh for two minutes, then says how long ago it was seen', () => {
    expect(positionFreshness(T0, T0 + 30_000, clock)).toEqual({ stale: false, text: 'Location updated just now' });
    expect(positionFreshness(T0, T0 + 90_000, clock)).toEqual({ stale: false, text: 'Location updated 1 min ago' });
    expect(positionFreshness(T0, T0 + STALE_AFTER_MS + 60_000, clock)).toEqual({ stale: true, text: 'Last seen 3 min ago' });
    expect(positionFreshness(T0, T0 + 2 * 3_600_000, clock)).toEqual({ stale: true, text: 'Last seen at @0' });
  });

  it('never calls a position from a phone whose clock runs ahead "in the future"', () => {
    expect(positionFreshness(T0 + 60_000, T0, clock)).toEqual({ stale: false, text: 'Location updated just now' });
  });

  it('shows the driver’s position only while the order is on its way', () => {
    expect(driverNews(VIEW)).toEqual({ firstName: 'Ravi', onTheWay: true, position: VIEW.driverPosition });
    expect(driverNews({ ...VIEW, status: 'ready' })).toEqual({ firstName: 'Ravi', onTheWay: false, position: null });
    expect(driverNews({ ...VIEW, status: 'delivered' })).toBeNull();
    expect(driverNews({ ...VIEW, driver: null })).toBeNull();
  });

  it('promises an arrival time for a delivery under way, and nothing once it is over', () => {
    expect(arrivalText(VIEW, clock)).toBe('Arriving around @20');
    expect(arrivalText({ ...VIEW, status: 'delivered' }, clock)).toBeNull();
    expect(arrivalText({ ...VIEW, orderType: 'pickup' }, clock)).toBeNull();
    expect(arrivalText({ ...VIEW, estimatedArrival: null }, clock)).toBeNull();
  });
});
