import { describe, expect, it } from 'vitest';
import { MemoryLimiterStore } from '../../../../sync-server/limits/memoryLimiter';
import { RateLimiter } from '../../../../sync-server/limits/rateLimit';
import { lookUpSecret } from '../../../../sync-server/limits/secretLookup';

const SECRETS = new Map([['right', 'order-1']]);

function setUp(budget: number) {
  const misses = new RateLimiter(new MemoryLimiterStore(() => 0), 'track-lookups', budget, 60_000);
  const asked: string[] = [];
  const lookUp = (secret: string) =>
    lookUpSecret(misses, 'address', () => {
      asked.push(secret);
      return SECRETS.get(secret) ?? null;
    });
  return { lookUp, asked };
}

describe('lookUpSecret', () => {
  it('counts misses, not hits, against the budget', async () => {
    const { lookUp } = setUp(2);
    for (let i = 0; i < 5; i++) expect(await lookUp('right')).toEqual({ kind: 'found', value: 'order-1' });
    expect((await lookUp('wrong-1')).kind).toBe('missing');
    expect((await lookUp('right')).kind).toBe('found');
    expect((await lookUp('wrong-2')).kind).toBe('missing');
  });

  it('once the misses are spent, refuses hits and misses alike without looking anything up', async () => {
    const { lookUp, asked } = setUp(2);
    await lookUp('wrong-1');
    await lookUp('wrong-2');
    asked.length = 0;
    expect(await lookUp('right')).toEqual({ kind: 'refused', retryAfterMs: 60_000 });
    expect(await lookUp('wrong-3')).toEqual({ kind: 'refused', retryAfterMs: 60_000 });
    expect(asked).toEqual([]);
  });

  it('answers a concurrent burst of guesses with no more misses than the budget', async () => {
    const { lookUp } = setUp(3);
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => lookUp(`wrong-${i}`)));
    expect(answers.filter((a) => a.kind === 'missing')).toHaveLength(3);
    expect(answers.filter((a) => a.kind === 'refused')).toHaveLength(17);
  });
});
