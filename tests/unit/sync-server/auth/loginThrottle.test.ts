import { describe, expect, it } from 'vitest';
import { LoginThrottle, type LoginLimits } from '../../../../sync-server/auth/loginThrottle';
import { AppError } from '../../../../sync-server/errors';
import { MemoryLimiterStore } from '../../../../sync-server/limits/memoryLimiter';

const LIMITS: LoginLimits = { failuresPerAddress: 5, failuresPerAccount: 2, windowMs: 60_000, hashesPerAddress: 1, hashesInFlight: 10 };

async function refusal(attempt: Promise<unknown>): Promise<string> {
  try {
    await attempt;
  } catch (err: unknown) {
    if (err instanceof AppError && err.status === 429) return err.message;
    throw err;
  }
  throw new Error('the attempt was allowed');
}

/** One failed attempt, its hash done. */
async function fail(throttle: LoginThrottle, address: string, email: string): Promise<void> {
  (await throttle.begin(address, email)).end();
}

describe('LoginThrottle', () => {
  it('frees the hashing slot of an attempt it refuses for its count, so it does not hold up the next one', async () => {
    const throttle = new LoginThrottle(LIMITS, new MemoryLimiterStore());
    await fail(throttle, '203.0.113.7', 'a@dabba.local');
    await fail(throttle, '203.0.113.7', 'a@dabba.local');
    expect(await refusal(throttle.begin('203.0.113.7', 'a@dabba.local'))).toMatch(/^Too many attempts/);
    // One slot per address: had the refusal kept it, this would be "Too many sign-ins at once".
    await fail(throttle, '203.0.113.7', 'b@dabba.local');
  });

  it('refuses an attempt beyond the hashes one address may have running, without counting it', async () => {
    const throttle = new LoginThrottle(LIMITS, new MemoryLimiterStore());
    const running = await throttle.begin('203.0.113.7', 'a@dabba.local');
    expect(await refusal(throttle.begin('203.0.113.7', 'a@dabba.local'))).toBe('Too many sign-ins at once; try again in a moment.');
    running.end();
    await fail(throttle, '203.0.113.7', 'a@dabba.local');
  });

  it('gives a successful attempt back to both counts, and counts e-mails without regard to case', async () => {
    const throttle = new LoginThrottle(LIMITS, new MemoryLimiterStore());
    for (let i = 0; i < 10; i++) {
      const attempt = await throttle.begin('203.0.113.7', 'A@dabba.local');
      await attempt.succeeded();
      attempt.end();
    }
    await fail(throttle, '203.0.113.7', 'A@dabba.local');
    await fail(throttle, '203.0.113.7', 'a@DABBA.local');
    expect(await refusal(throttle.begin('203.0.113.7', 'a@dabba.local'))).toMatch(/^Too many attempts/);
  });
});
