import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF, HANDOFF_SPREAD_MS, handoffDelay } from '../../../../client/common/sync/backoff';

const policy = { baseMs: 1_000, maxMs: 16_000 };
const lowest = (): number => 0;
const highest = (): number => 1;

describe('backoffDelay', () => {
  it('doubles the ceiling with each failed attempt', () => {
    expect([0, 1, 2, 3].map((attempt) => backoffDelay(attempt, policy, highest))).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it('never waits longer than the policy maximum, however many attempts failed', () => {
    expect(backoffDelay(4, policy, highest)).toBe(16_000);
    expect(backoffDelay(60, policy, highest)).toBe(16_000);
    expect(backoffDelay(5_000, policy, highest)).toBe(16_000);
  });

  it('always waits at least half the ceiling, so a retry never fires at once', () => {
    expect(backoffDelay(0, policy, lowest)).toBe(500);
    expect(backoffDelay(3, policy, lowest)).toBe(4_000);
  });

  it('spreads devices that failed together across the upper half of the ceiling', () => {
    const delays = [0, 0.25, 0.5, 0.75, 0.999].map((r) => backoffDelay(2, policy, () => r));
    expect(new Set(delays).size).toBe(delays.length);
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(2_000);
      expect(delay).toBeLessThanOrEqual(4_000);
    }
  });

  it('treats a negative or fractional attempt as the nearest sensible one', () => {
    expect(backoffDelay(-3, policy, highest)).toBe(1_000);
    expect(backoffDelay(1.7, policy, highest)).toBe(2_000);
  });

  it('keeps a bad random source inside the bounds', () => {
    expect(backoffDelay(1, policy, () => 7)).toBe(2_000);
    expect(backoffDelay(1, policy, () => -1)).toBe(1_000);
  });

  it('reconnects a device within seconds by default and within 15 s at worst', () => {
    expect(backoffDelay(0, DEFAULT_BACKOFF, highest)).toBeLessThanOrEqual(1_000);
    expect(backoffDelay(100, DEFAULT_BACKOFF, highest)).toBe(15_000);
  });
});

describe('handoffDelay', () => {
  it('spreads the devices of a draining node evenly over a second, the first at once', () => {
    expect(HANDOFF_SPREAD_MS).toBe(1_000);
    expect([0, 0.25, 0.5, 1].map((r) => handoffDelay(() => r))).toEqual([0, 250, 500, 1_000]);
  });

  it('keeps a bad random source inside the spread', () => {
    expect(handoffDelay(() => 7)).toBe(1_000);
    expect(handoffDelay(() => -1)).toBe(0);
  });
});
