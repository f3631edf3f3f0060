import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../sync-server/errors';
import { MemoryLimiterStore } from '../../../../sync-server/limits/memoryLimiter';
import { RateLimiter } from '../../../../sync-server/limits/rateLimit';

async function refusal(attempt: Promise<void>): Promise<AppError> {
  try {
    await attempt;
  } catch (err: unknown) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('the use was allowed');
}

describe('RateLimiter', () => {
  it('throws 429 rate_limited with a Retry-After in whole seconds once the budget is spent', async () => {
    const clock = { t: 0 };
    const orders = new RateLimiter(new MemoryLimiterStore(() => clock.t), 'orders', 2, 60_000);
    await orders.hit('203.0.113.7');
    await orders.hit('203.0.113.7');
    clock.t = 30_500;
    const err = await refusal(orders.hit('203.0.113.7'));
    expect(err.status).toBe(429);
    expect(err.code).toBe('rate_limited');
    expect(err.message).toBe('Too many attempts; try again in 30 s.');
    expect(err.headers).toEqual({ 'Retry-After': '30' });
    await orders.hit('203.0.113.8');
  });

  it('keeps budgets with different names apart in one store', async () => {
    const store = new MemoryLimiterStore();
    const orders = new RateLimiter(store, 'orders', 1, 60_000);
    const quotes = new RateLimiter(store, 'quotes', 1, 60_000);
    await orders.hit('203.0.113.7');
    await quotes.hit('203.0.113.7');
    expect((await refusal(orders.hit('203.0.113.7'))).status).toBe(429);
    expect(orders.claim('203.0.113.7').key).not.toBe(quotes.claim('203.0.113.7').key);
  });
});
