import { describe, expect, it } from 'vitest';
import { commitLatencyUnder, platformRates } from '../../../../../../client/admin/model/platform/platformRates';
import type { Platform } from '../../../../../../shared/api/adminPlatform';

const reading = (at: number, over: Partial<Platform> = {}): Platform => ({
  at,
  startedAt: 1_000,
  node: 'node-a',
  presence: 'ok',
  limits: 'ok',
  devices: [],
  documentsLoaded: 3,
  dispatchQueue: 0,
  commits: { count: 100, avgMs: 4, buckets: [] },
  wakeUps: { sent: 10, failed: 1 },
  http: { requests: 200, clientErrors: 10, serverErrors: 2 },
  outlets: [],
  ...over,
});

describe('platformRates', () => {
  it('counts what happened between two readings of the same node run, errors as a share of its requests', () => {
    const later = reading(16_000, {
      commits: { count: 130, avgMs: 4, buckets: [] },
      wakeUps: { sent: 12, failed: 2 },
      http: { requests: 250, clientErrors: 15, serverErrors: 3 },
    });
    expect(platformRates(reading(11_000), later)).toEqual({
      seconds: 5,
      requests: 50,
      clientErrorShare: 0.1,
      serverErrorShare: 0.02,
      wakeUpsSent: 2,
      wakeUpsFailed: 1,
      commits: 30,
    });
  });

  it('has no rate across a restart, another node, or with no earlier reading', () => {
    expect(platformRates(null, reading(16_000))).toBeNull();
    expect(platformRates(reading(11_000), reading(16_000, { startedAt: 15_000 }))).toBeNull();
    expect(platformRates(reading(11_000), reading(16_000, { node: 'node-b' }))).toBeNull();
  });

  it('says there were no requests rather than a share of none', () => {
    expect(platformRates(reading(11_000), reading(16_000))?.clientErrorShare).toBeNull();
  });
});

describe('commitLatencyUnder', () => {
  const commits = {
    count: 100,
    avgMs: 6,
    buckets: [
      { leMs: 5, count: 80 },
      { leMs: 25, count: 97 },
      { leMs: 100, count: 100 },
    ],
  };

  it('gives the smallest bucket bound under which the share of commits finished', () => {
    expect(commitLatencyUnder(commits, 0.5)).toBe(5);
    expect(commitLatencyUnder(commits, 0.95)).toBe(25);
  });

  it('has no answer with no commits or when only the unbounded bucket holds them', () => {
    expect(commitLatencyUnder({ count: 0, avgMs: null, buckets: [] }, 0.95)).toBeNull();
    expect(commitLatencyUnder({ count: 10, avgMs: 900, buckets: [{ leMs: Infinity, count: 10 }] }, 0.95)).toBeNull();
  });
});
