import { Hono } from 'hono';
import type { Db } from '../storage/db';

export interface HealthSource {
  readonly db: Db;
  readonly startedAt: number;
  loadedDocs(): number;
  connections(): number;
}

export function healthRoutes(src: HealthSource): Hono {
  return new Hono().get('/', (c) => {
    let storage = true;
    try {
      src.db.prepare('SELECT 1').get();
    } catch {
      storage = false;
    }
    const body = {
      ok: storage,
      storage: storage ? 'ok' : 'failed',
      uptimeSeconds: Math.round((Date.now() - src.startedAt) / 1000),
      loadedDocs: src.loadedDocs(),
      connections: src.connections(),
    };
    c.header('Cache-Control', 'no-store');
    return c.json(body, storage ? 200 : 503);
  });
}
