import { describe, expect, it } from 'vitest';
import { pickupDistanceText } from '../../../../../../client/driver/model/offers/pickupDistance';

const OUTLET = { lat: 12.9756, lng: 77.6066 };
const A_BLOCK_AWAY = { lat: 12.976, lng: 77.607 };

describe('the distance to pickup on an offer', () => {
  it('is measured from the phone’s own latest fix', () => {
    expect(pickupDistanceText(OUTLET, A_BLOCK_AWAY, { state: 'sharing', lastFixAt: 1 })).toBe('60 m');
  });

  it('says it is locating, not "0 m", before the phone’s first fix', () => {
    expect(pickupDistanceText(OUTLET, null, { state: 'waiting' })).toBe('Locating…');
    expect(pickupDistanceText(OUTLET, null, { state: 'unavailable', lastFixAt: null })).toBe('Locating…');
  });

  it('says why there is no distance when the phone cannot locate itself', () => {
    expect(pickupDistanceText(OUTLET, null, { state: 'denied' })).toBe('Unknown: location is blocked');
    expect(pickupDistanceText(OUTLET, null, { state: 'unsupported' })).toBe('Unknown: no location on this phone');
  });
});
