import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { TrackingTokenSchema, type OrderId } from '../../../shared/ids';
import { trackMap } from '../../../shared/track';
import { createLogger } from '../../../sync-server/log';
import { reprojectTracksOnce } from '../../../sync-server/projections/trackReprojection';
import { DocStore } from '../../../sync-server/storage/docStore';
import { DocRegistry } from '../../../sync-server/sync/docRegistry';
import { placeOrder } from '../support/api';
import { getJson } from '../support/http';
import { insertOrders } from '../support/orderRows';
import { DELIVERY } from '../support/refusals';
import { startTestServer, tempDataDir } from '../support/server';
import { DIALECTS, openServerStorage, silentLog, useTestStorage, type Dialect } from '../support/sqlStorage';

const TEXT = 'Flat 4B, Meera Iyer 98450 77777, 22 Residency Rd';

describe('tracking projections from before drop-offs were localities', () => {
  it('are rewritten once at start, so an old link stops showing the address text', async () => {
    const dataDir = tempDataDir('reproject');
    const first = await startTestServer({ DATA_DIR: dataDir });
    const { trackingUrl } = await placeOrder(first.url, { ...DELIVERY, address: { ...DELIVERY.address, text: TEXT } });
    await first.close();

    // What a version 1 server left behind: the free text in the projection, and no version recorded.
    const token = TrackingTokenSchema.parse(trackingUrl.split('/').pop());
    const storage = await openServerStorage(dataDir);
    const registry = new DocRegistry(new DocStore(storage.db), 60_000, createLogger('silent'));
    await registry.withDoc({ kind: 'track', token }, (doc) => {
      const view = z.record(z.string(), z.unknown()).parse(trackMap(doc.ydoc).get('view'));
      return doc.change((y) => trackMap(y).set('view', { ...view, dropoffArea: TEXT }));
    });
    await registry.closeAll();
    await storage.db.deleteFrom('meta').where('key', '=', 'track_projection_version').execute();
    await storage.close();

    const second = await startTestServer({ DATA_DIR: dataDir });
    let shown = '';
    for (let i = 0; i < 50 && !shown.includes('Central Bengaluru'); i++) {
      shown = JSON.stringify((await getJson(`${second.url}/api/track/${token}`)).body);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(shown).toContain('Central Bengaluru');
    expect(shown).not.toContain('Meera');
    await second.close();
  });
});

describe.each(DIALECTS)('rewriting tracking projections once, on %s', (dialect: Dialect) => {
  const storage = useTestStorage(dialect);
  const version = async (): Promise<string | undefined> =>
    (await storage().db.selectFrom('meta').select('value').where('key', '=', 'track_projection_version').executeTakeFirst())?.value;
  /** Runs it with a refresh that records each order, and fails at `failAt` when given. */
  const run = async (failAt?: string): Promise<{ result: number | Error; refreshed: string[] }> => {
    const refreshed: string[] = [];
    const refresh = (id: OrderId): Promise<void> => {
      if (id === failAt) return Promise.reject(new Error(`${id} failed`));
      refreshed.push(id);
      return Promise.resolve();
    };
    const result = await reprojectTracksOnce(storage().db, refresh, silentLog).catch((err: unknown) =>
      err instanceof Error ? err : new Error(String(err)),
    );
    return { result, refreshed };
  };

  it('refreshes every order oldest first, same times in byte order of id, then records the version', async () => {
    await insertOrders(storage().db, [
      { id: 'newest', created_at: 3 },
      { id: 'b-tie', created_at: 2 },
      { id: 'Z-tie', created_at: 2 },
      { id: 'oldest', created_at: 1 },
    ]);
    expect(await run()).toEqual({ result: 4, refreshed: ['oldest', 'Z-tie', 'b-tie', 'newest'] });
    expect(await version()).toBe('2');
    expect(await run()).toEqual({ result: 0, refreshed: [] });
  });

  it('records the version on storage without orders, so it never runs again', async () => {
    expect(await run()).toEqual({ result: 0, refreshed: [] });
    expect(await version()).toBe('2');
    await insertOrders(storage().db, [{ id: 'later', created_at: 1 }]);
    expect(await run()).toEqual({ result: 0, refreshed: [] });
  });

  it('runs after version 1 and not after a version from a newer release', async () => {
    await insertOrders(storage().db, [{ id: 'only', created_at: 1 }]);
    await storage().db.insertInto('meta').values({ key: 'track_projection_version', value: '1' }).execute();
    expect(await run()).toEqual({ result: 1, refreshed: ['only'] });
    await storage().db.updateTable('meta').set({ value: '3' }).where('key', '=', 'track_projection_version').execute();
    expect(await run()).toEqual({ result: 0, refreshed: [] });
    expect(await version()).toBe('3');
  });

  it('records nothing when an order fails, so the next start rewrites them all again', async () => {
    await insertOrders(storage().db, [
      { id: 'first', created_at: 1 },
      { id: 'second', created_at: 2 },
    ]);
    const failed = await run('second');
    expect(failed.refreshed).toEqual(['first']);
    expect(failed.result).toBeInstanceOf(Error);
    expect(await version()).toBeUndefined();
    expect(await run()).toEqual({ result: 2, refreshed: ['first', 'second'] });
  });
});
