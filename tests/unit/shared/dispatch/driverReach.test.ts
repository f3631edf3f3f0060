import { describe, expect, it } from 'vitest';
import { driverReach, extendedExpiry, firstWindowMs } from '../../../../shared/dispatch/driverReach';

const NOW = 1_800_000_000_000;
const STALE = 10 * 60_000;
const WINDOWS = { timeoutMs: 60_000, asleepMs: 30_000 };

describe('driverReach', () => {
  it('is connected with a live socket, whatever the position', () => {
    expect(driverReach({ connected: true, measuredAt: null, now: NOW, staleMs: STALE })).toBe('connected');
  });

  it('is asleep without a socket but with a position measured within the stale time, unreachable past it', () => {
    expect(driverReach({ connected: false, measuredAt: NOW - STALE, now: NOW, staleMs: STALE })).toBe('asleep');
    expect(driverReach({ connected: false, measuredAt: NOW - STALE - 1, now: NOW, staleMs: STALE })).toBe('unreachable');
    expect(driverReach({ connected: false, measuredAt: null, now: NOW, staleMs: STALE })).toBe('unreachable');
  });
});

describe('offer windows', () => {
  it('gives a sleeping phone the shorter first window, never longer than the normal one', () => {
    expect(firstWindowMs('connected', WINDOWS)).toBe(60_000);
    expect(firstWindowMs('asleep', WINDOWS)).toBe(30_000);
    expect(firstWindowMs('asleep', { timeoutMs: 20_000, asleepMs: 30_000 })).toBe(20_000);
  });

  it('extends a first-window offer to the normal time only when the driver’s app connected', () => {
    const offer = { offeredAt: NOW, expiresAt: NOW + 30_000 };
    expect(extendedExpiry(offer, true, WINDOWS)).toBe(NOW + 60_000);
    expect(extendedExpiry(offer, false, WINDOWS)).toBeNull();
    expect(extendedExpiry({ offeredAt: NOW, expiresAt: NOW + 60_000 }, true, WINDOWS)).toBeNull();
  });
});
