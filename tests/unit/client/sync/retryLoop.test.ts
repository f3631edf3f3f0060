import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RetryLoop, type PassResult } from '../../../../client/common/sync/retryLoop';

describe('retry loop', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function loop(results: PassResult[]) {
    let passes = 0;
    const retry = new RetryLoop({
      name: 'test outbox',
      backoff: { baseMs: 1_000, maxMs: 8_000 },
      random: () => 0,
      pass: async () => {
        passes += 1;
        return results.shift() ?? 'idle';
      },
    });
    return { retry, passes: () => passes };
  }

  it('runs passes back to back while there is more, then sleeps until kicked', async () => {
    const { retry, passes } = loop(['again', 'again', 'idle']);
    await retry.kick();
    expect(passes()).toBe(3);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(passes()).toBe(3);
    await retry.kick();
    expect(passes()).toBe(4);
  });

  it('tries again after a growing pause while the server cannot be reached', async () => {
    const { retry, passes } = loop(['retry', 'retry', 'idle']);
    await retry.kick();
    expect(passes()).toBe(1);
    await vi.advanceTimersByTimeAsync(499);
    expect(passes()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(passes()).toBe(2);
    await vi.advanceTimersByTimeAsync(999);
    expect(passes()).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(passes()).toBe(3);
  });

  it('skips the pause when kicked (the network came back)', async () => {
    const { retry, passes } = loop(['retry', 'idle']);
    await retry.kick();
    await retry.kick();
    expect(passes()).toBe(2);
  });

  it('runs a kick that came during a pass right after it, once', async () => {
    let release: () => void = () => undefined;
    let passes = 0;
    const retry = new RetryLoop({
      name: 'test outbox',
      pass: async () => {
        passes += 1;
        if (passes === 1)
          await new Promise<void>((resolve) => {
            release = resolve;
          });
        return 'idle';
      },
    });
    const first = retry.kick();
    void retry.kick();
    void retry.kick();
    release();
    await first;
    expect(passes).toBe(2);
  });

  it('counts a pass that throws as one to retry, and stops for good when stopped', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let passes = 0;
    const retry = new RetryLoop({
      name: 'test outbox',
      random: () => 0,
      pass: async () => {
        passes += 1;
        throw new Error('disk full');
      },
    });
    await retry.kick();
    expect(errors).toHaveBeenCalledOnce();
    retry.stop();
    await vi.advanceTimersByTimeAsync(120_000);
    await retry.kick();
    expect(passes).toBe(1);
    errors.mockRestore();
  });
});
