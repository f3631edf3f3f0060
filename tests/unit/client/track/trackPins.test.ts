import { describe, expect, it } from 'vitest';
import type { TrackView } from '../../../../shared/track';
import { mapLabel, pinBounds, trackPins } from '../../../../client/track/map/trackPins';
import { trackViewOf } from '../support/trackViews';

const OUTLET = { lat: 12.9756, lng: 77.6066 };
const DROPOFF = { lat: 12.9668, lng: 77.5968 };
const DETAILS = {
  orderNumber: '#K7M3X',
  outletId: 'demo-outlet',
  pickupAddress: null,
  rejectionReason: null,
  pins: { outlet: OUTLET, dropoff: DROPOFF },
  reorder: [],
};
const base: TrackView = trackViewOf({ status: 'accepted', driver: { firstName: 'Ravi' }, driverPosition: null, details: DETAILS });

describe('the tracking map’s pins', () => {
  it('show the restaurant and the drop-off before pickup, and add the driver once the order is on its way', () => {
    expect(trackPins(base).map((p) => p.kind)).toEqual(['outlet', 'dropoff']);
    const onTheWay: TrackView = { ...base, status: 'picked_up', driverPosition: { lat: 12.97, lng: 77.6, at: 1 } };
    const pins = trackPins(onTheWay);
    expect(pins.map((p) => p.kind)).toEqual(['outlet', 'dropoff', 'driver']);
    expect(mapLabel(pins)).toBe('Map with Dabba Demo Kitchen, your drop-off and Ravi’s position');
    expect(mapLabel(trackPins(onTheWay, true))).toBe('Map with Dabba Demo Kitchen, your drop-off and Ravi’s last known position');
  });

  it('are none for a finished order or a view cached before pins, but still the driver for the latter', () => {
    expect(trackPins({ ...base, status: 'delivered', details: { ...DETAILS, pins: null } })).toEqual([]);
    const { details: _, ...old } = base;
    const onTheWay: TrackView = { ...old, status: 'picked_up', driverPosition: { lat: 12.97, lng: 77.6, at: 1 } };
    expect(trackPins(onTheWay).map((p) => p.kind)).toEqual(['driver']);
  });

  it('are framed by bounds that hold every one of them', () => {
    const pins = trackPins({ ...base, status: 'picked_up', driverPosition: { lat: 12.99, lng: 77.59, at: 1 } });
    expect(pinBounds(pins)).toEqual([
      [DROPOFF.lat, 77.59],
      [12.99, OUTLET.lng],
    ]);
    expect(pinBounds([])).toBeNull();
  });
});
