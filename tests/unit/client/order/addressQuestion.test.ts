import { describe, expect, it } from 'vitest';
import { addressQuestion } from '../../../../client/order/checkout/addressQuestion';
import type { ZoneCheck } from '../../../../client/order/checkout/useZoneCheck';

const ZONES = ['Central Bengaluru', 'Koramangala', 'Indiranagar'];
const inside = (zoneName: string | null): ZoneCheck => ({ kind: 'inside', zoneName, fee: 4_000, currency: 'INR' });
const outside: ZoneCheck = { kind: 'refused', code: 'outside_zone', message: 'Dabba Demo Kitchen does not deliver to this address.' };

describe('addressQuestion', () => {
  it('asks when the address names one area and the pin is in another', () => {
    expect(addressQuestion('12, 5th Cross, Koramangala, near the temple', ZONES, inside('Indiranagar'))).toBe(
      'Your address mentions Koramangala, but the pin is in Indiranagar. Is the pin on your door?',
    );
  });

  it('asks when the address names an area and the pin is outside every zone', () => {
    expect(addressQuestion('Flat 3, KORAMANGALA 4th block', ZONES, outside)).toMatch(
      /^Your address mentions Koramangala, but the pin is not there/,
    );
  });

  it('says nothing when they agree, when the address names no area, or while the pin is being checked', () => {
    expect(addressQuestion('Koramangala 4th block', ZONES, inside('Koramangala'))).toBeNull();
    expect(addressQuestion('12 MG Road, near the metro', ZONES, inside('Central Bengaluru'))).toBeNull();
    expect(addressQuestion('Koramangala', ZONES, { kind: 'checking' })).toBeNull();
  });

  it('matches whole names only: a street called Indiranagarpet is not Indiranagar', () => {
    expect(addressQuestion('1 Indiranagarpet Road', ZONES, inside('Koramangala'))).toBeNull();
  });
});
