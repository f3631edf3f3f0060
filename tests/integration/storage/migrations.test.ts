import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { OutletIdSchema } from '../../../shared/ids';
import { migrate, MIGRATIONS } from '../../../sync-server/storage/migrations';
import { OrderHistory } from '../../../sync-server/storage/orderHistory';
import { OrderIndex } from '../../../sync-server/storage/orderIndex';
import { tempDataDir } from '../support/server';
import { openSqliteAt } from '../support/sqlStorage';

describe('migrations', () => {
  it('bring a database from the first release up to date, keeping its orders, which history lists with what it knows', async () => {
    const dataDir = tempDataDir('migrate');
    const old = new Database(path.join(dataDir, 'dabba.sqlite'));
    const [first] = MIGRATIONS;
    if (first === undefined) throw new Error('no migrations');
    old.exec(first);
    old.pragma('user_version = 1');
    old
      .prepare(
        "INSERT INTO orders (id, outlet_id, driver_id, tracking_token, status, created_at, updated_at) VALUES ('oldOrder1', 'demo-outlet', NULL, 'tok', 'delivered', 1000, 2000)",
      )
      .run();
    old.close();

    // As the server opens it: the rest of the legacy list, then the shared migrations.
    const storage = await openSqliteAt(dataDir);
    try {
      const db = storage.raw;
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      expect(await new OrderIndex(storage.sql).get('oldOrder1')).toMatchObject({
        status: 'delivered',
        trackingToken: 'tok',
        createdAt: 1000,
      });
      const rows = await new OrderHistory(storage.sql).search({
        outletId: OutletIdSchema.parse('demo-outlet'),
        q: 'oldOrder',
        from: null,
        to: null,
        statuses: null,
        limit: 10,
      });
      expect(rows).toEqual([
        {
          id: 'oldOrder1',
          outletId: 'demo-outlet',
          type: null,
          status: 'delivered',
          customerName: null,
          customerPhone: null,
          total: null,
          currency: null,
          createdAt: 1000,
          source: null,
        },
      ]);
    } finally {
      await storage.close();
    }
  });

  it('run once: opening an up-to-date database again changes nothing', () => {
    const db = new Database(path.join(tempDataDir('migrate'), 'dabba.sqlite'));
    try {
      migrate(db);
      const schema = db.prepare('SELECT sql FROM sqlite_master ORDER BY name').all();
      migrate(db);
      expect(db.prepare('SELECT sql FROM sqlite_master ORDER BY name').all()).toEqual(schema);
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    } finally {
      db.close();
    }
  });
});
