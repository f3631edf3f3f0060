import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { WindowProbe } from '../sync/window';

/** The machine's Redis, which other runs and tests share: the bench keeps to a key prefix of its own. */
export const BENCH_REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** CPU seconds the Redis server has used (user + system, main thread and the rest), from INFO cpu. */
async function redisCpuSeconds(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const field = (name: string): number => Number(new RegExp(`^${name}:([0-9.]+)`, 'm').exec(info)?.[1] ?? 'NaN');
  const total = field('used_cpu_user') + field('used_cpu_sys');
  if (!Number.isFinite(total)) throw new Error(`INFO cpu had no used_cpu_user / used_cpu_sys: ${info}`);
  return total;
}

/**
 * One run's corner of the shared Redis: a fresh key prefix (DABBA_REDIS_PREFIX) whose keys are deleted at
 * the end, and the Redis server's CPU over a measured window. Redis is one process for everyone, so its
 * CPU holds whatever else used it meanwhile.
 */
export class BenchRedis implements WindowProbe {
  readonly url = BENCH_REDIS_URL;
  readonly prefix = `dabba-bench-${process.pid}-${randomBytes(3).toString('hex')}:`;
  private readonly redis = new Redis(BENCH_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  private window: { at: number; start: Promise<number>; end: Promise<number> | null; endAt: number } | null = null;

  async connect(): Promise<void> {
    await this.redis.connect();
  }

  start(): void {
    this.window = { at: performance.now(), start: redisCpuSeconds(this.redis), end: null, endAt: 0 };
    this.window.start.catch(() => undefined);
  }

  stop(): void {
    if (!this.window) return;
    this.window.end = redisCpuSeconds(this.redis);
    this.window.endAt = performance.now();
    this.window.end.catch(() => undefined);
  }

  /** Redis's CPU over the window as % of one core; null when it could not be read. */
  async cpuPercent(): Promise<number | null> {
    const w = this.window;
    if (!w?.end) return null;
    try {
      const [start, end] = await Promise.all([w.start, w.end]);
      return ((end - start) / ((w.endAt - w.at) / 1000)) * 100;
    } catch {
      return null;
    }
  }

  /** Deletes the run's keys and disconnects. */
  async close(): Promise<void> {
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${this.prefix}*`, 'COUNT', 1000);
      if (keys.length > 0) await this.redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    await this.redis.quit();
  }
}
