import { describe, expect, it } from 'vitest';
import { retryDelayMs, type RetryPolicy } from '../../../../sync-server/outbox/backoff';

const policy: RetryPolicy = { maxAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 5_000 };

describe('webhook retry backoff', () => {
  it('doubles after each failed attempt, up to the cap', () => {
    const full = [1, 2, 3, 4].map((attempts) => retryDelayMs(attempts, policy, () => 1));
    expect(full).toEqual([1_000, 2_000, 4_000, 5_000]);
  });

  it('waits at least half of the backoff and at most all of it (equal jitter)', () => {
    expect(retryDelayMs(2, policy, () => 0)).toBe(1_000);
    expect(retryDelayMs(2, policy, () => 0.5)).toBe(1_500);
    expect(retryDelayMs(2, policy, () => 0.999)).toBeLessThanOrEqual(2_000);
  });

  it('gives up (dead-letters) once the last allowed attempt failed', () => {
    expect(retryDelayMs(5, policy, () => 0.5)).toBeNull();
    expect(retryDelayMs(1, { ...policy, maxAttempts: 1 }, () => 0.5)).toBeNull();
  });
});
