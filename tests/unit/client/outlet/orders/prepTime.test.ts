import { describe, expect, it } from 'vitest';
import { acceptPrepMinutes, FALLBACK_PREP_MINUTES } from '../../../../../client/outlet/orders/prepTime';
import { PROFILE } from '../../support/outletFixtures';

const NOW = 1_700_000_000_000;

describe('the prep time Accept starts at', () => {
  it('is the outlet’s usual prep time', () => {
    expect(acceptPrepMinutes({ profile: PROFILE, busy: null }, NOW)).toBe(PROFILE.defaultPrepMinutes);
  });

  it('adds busy mode’s extra minutes while busy mode lasts, and stops adding them when it ends', () => {
    const busy = { extraMinutes: 20, until: NOW + 60_000, at: NOW };
    expect(acceptPrepMinutes({ profile: PROFILE, busy }, NOW)).toBe(PROFILE.defaultPrepMinutes + 20);
    expect(acceptPrepMinutes({ profile: PROFILE, busy }, NOW + 60_000)).toBe(PROFILE.defaultPrepMinutes);
  });

  it('never goes past what an accepted event may carry, and has a fallback before the menu arrives', () => {
    const busy = { extraMinutes: 120, until: NOW + 60_000, at: NOW };
    expect(acceptPrepMinutes({ profile: { ...PROFILE, defaultPrepMinutes: 200 }, busy }, NOW)).toBe(240);
    expect(acceptPrepMinutes(null, NOW)).toBe(FALLBACK_PREP_MINUTES);
  });
});
