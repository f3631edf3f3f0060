import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocRef } from '../../../shared/docNames';
import { TrackingTokenSchema, type OutletId } from '../../../shared/ids';
import { CloseCode } from '../../../shared/protocol/closeCodes';
import { MuxType } from '../../../shared/protocol/muxMessages';
import { createLogger } from '../../../sync-server/log';
import { DocStore } from '../../../sync-server/storage/docStore';
import { DocRegistry, LoadError, UNLOAD_COMPACT_FROM } from '../../../sync-server/sync/docRegistry';
import { UNWATCHED_TRACK_IDLE_MS } from '../../../sync-server/sync/idleTimers';
import { login, placeOrder } from '../support/api';
import { MuxTestClient } from '../support/muxClient';
import type { Db } from '../../../sync-server/storage/db';
import { startTestServer, tempDataDir } from '../support/server';
import { openServerStorage, openSqliteAt, type SqliteAt } from '../support/sqlStorage';
import { eventually, stockProvider, whenClosed } from '../support/stockClient';

const REF: DocRef = { kind: 'outlet', outletId: 'o1' as OutletId };
const log = createLogger('silent');
const open: SqliteAt[] = [];
afterEach(async () => {
  for (const storage of open.splice(0)) await storage.close();
});

async function registryOn(idleMs = 10_000): Promise<{ registry: DocRegistry; store: DocStore; db: Db }> {
  const storage = await openSqliteAt(tempDataDir('registry'));
  open.push(storage);
  const store = new DocStore(storage.sql);
  return { registry: new DocRegistry(store, idleMs, log), store, db: storage.raw };
}

describe('document registry', () => {
  it('fails a load whose stored bytes are not Yjs, leaves nothing loaded, and loads again once repaired', async () => {
    const { registry, db } = await registryOn();
    await registry.withDoc(REF, (d) => d.change((y) => y.getMap('menu').set('value', 'dosa')));
    await registry.closeAll();
    db.prepare('INSERT INTO doc_updates (doc, seq, data) VALUES (?, ?, ?)').run('outlet:o1', 99, new Uint8Array([255, 1, 2, 3]));
    await expect(registry.acquire(REF)).rejects.toBeInstanceOf(LoadError);
    expect(registry.size).toBe(0);
    db.prepare('DELETE FROM doc_updates WHERE seq = 99').run();
    const doc = await registry.acquire(REF);
    expect(doc.ydoc.getMap('menu').get('value')).toBe('dosa');
    registry.release(doc);
  });

  it('fails the load when a plug-in throws after loading, and retries it on the next request', async () => {
    const { registry } = await registryOn();
    let broken = true;
    registry.use({
      afterLoad: () => {
        if (broken) throw new Error('hook down');
      },
    });
    await expect(registry.acquire(REF)).rejects.toBeInstanceOf(LoadError);
    expect(registry.size).toBe(0);
    broken = false;
    const doc = await registry.acquire(REF);
    expect(registry.size).toBe(1);
    registry.release(doc);
  });

  it('runs afterCommit hooks one commit at a time per document, a slow async hook holding back the next', async () => {
    const { registry } = await registryOn();
    const seen: string[] = [];
    let releaseFirst: () => void = () => undefined;
    const firstHeld = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    registry.use({
      afterCommit: async (doc) => {
        const value = String(doc.ydoc.getMap('menu').get('value'));
        seen.push(`slow:${value}`);
        if (value === 'dosa') await firstHeld;
      },
    });
    registry.use({
      afterCommit: (doc) => {
        seen.push(`sync:${String(doc.ydoc.getMap('menu').get('value'))}`);
      },
    });
    await registry.withDoc(REF, (d) => d.change((y) => y.getMap('menu').set('value', 'dosa')));
    await registry.withDoc(REF, (d) => d.change((y) => y.getMap('menu').set('value', 'idli')));
    expect(seen).toEqual(['slow:dosa']);
    releaseFirst();
    await registry.hooksSettled();
    expect(seen).toEqual(['slow:dosa', 'sync:idli', 'slow:idli', 'sync:idli']);
  });

  it('keeps running the later hooks when an async hook fails', async () => {
    const { registry } = await registryOn();
    const seen: string[] = [];
    registry.use({ afterCommit: () => Promise.reject(new Error('projection down')) });
    registry.use({ afterCommit: () => void seen.push('after') });
    await registry.withDoc(REF, (d) => d.change((y) => y.getMap('menu').set('value', 'dosa')));
    await registry.hooksSettled();
    expect(seen).toEqual(['after']);
  });

  it('unloads a document once nothing has held it for the idle time', async () => {
    const { registry } = await registryOn(30);
    await registry.withDoc(REF, (d) => d.change((y) => y.getMap('menu').set('value', 1)));
    expect(registry.size).toBe(1);
    await eventually(() => registry.size === 0, 2000, 'the idle unload');
  });

  it('unloads a tracking projection no page watches within a second, other documents after the idle time', async () => {
    const { registry } = await registryOn(60_000);
    const track: DocRef = { kind: 'track', token: TrackingTokenSchema.parse('tok-unwatched') };
    await registry.withDoc(REF, (d) => d.change((y) => y.getMap('menu').set('value', 1)));
    await registry.withDoc(track, (d) => d.change((y) => y.getMap('track').set('status', 'preparing')));
    expect(registry.size).toBe(2);
    await eventually(() => registry.size === 1, UNWATCHED_TRACK_IDLE_MS + 8000, 'the tracking projection to unload');
    const again = await registry.acquire(track);
    expect(again.ydoc.getMap('track').get('status')).toBe('preparing');
    registry.release(again);
  });

  it('leaves a short log as it is when a document unloads, and folds it once it has grown across loads', async () => {
    const { registry, db } = await registryOn();
    const logRows = (): number | undefined =>
      db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM doc_updates WHERE doc = 'outlet:o1'").get()?.n;
    const write = async (count: number): Promise<void> => {
      const doc = await registry.acquire(REF);
      for (let i = 0; i < count; i++) await doc.change((y) => y.getArray('availability').push([i]));
      registry.release(doc);
    };
    await write(3);
    await registry.closeAll();
    expect(logRows()).toBe(3);
    await write(UNLOAD_COMPACT_FROM);
    await registry.closeAll();
    expect(logRows()).toBe(0);
    const again = await registry.acquire(REF);
    expect(again.ydoc.getArray('availability').length).toBe(3 + UNLOAD_COMPACT_FROM);
    registry.release(again);
  });

  it('compacts the update log into a snapshot without losing state', async () => {
    const { registry, db } = await registryOn();
    const doc = await registry.acquire(REF);
    for (let i = 0; i < 1200; i++) await doc.change((y) => y.getArray('availability').push([i]));
    registry.release(doc);
    await doc.settled();
    const rows = db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM doc_updates WHERE doc = 'outlet:o1'").get()?.n;
    expect(rows).toBeLessThan(500);
    await registry.closeAll();
    expect(db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM doc_updates WHERE doc = 'outlet:o1'").get()?.n).toBe(0);
    const again = await registry.acquire(REF);
    expect(again.ydoc.getArray('availability').length).toBe(1200);
    registry.release(again);
  });
});

describe('a document that fails to load, through the server', () => {
  it('is refused with LOAD_FAILED instead of being served empty', async () => {
    let server = await startTestServer();
    const { orderId } = await placeOrder(server.url);
    const { dataDir } = server;
    await server.close();
    const storage = await openServerStorage(dataDir);
    await storage.db
      .insertInto('doc_updates')
      .values({ doc: `order:${orderId}`, seq: 999, data: Buffer.from([255, 0, 1]) })
      .execute();
    await storage.close();

    server = await startTestServer({ DATA_DIR: dataDir });
    const admin = await login(server.url, 'admin');
    expect(await whenClosed(stockProvider(server.url, `order:${orderId}`, admin.token))).toBe(CloseCode.LOAD_FAILED);
    const device = await MuxTestClient.connect(server.url, admin.token);
    const answer = await device.subscribe(`order:${orderId}`);
    expect(answer instanceof Y.Doc ? 'served' : answer.code).toBe('load_failed');
    // A change sent for it is refused as retryable, so the device keeps it instead of dropping it as forbidden.
    const write = await device.sendUpdate(`order:${orderId}`, Y.encodeStateAsUpdate(new Y.Doc()));
    expect(write.type === MuxType.REJECT ? write.code : 'ack').toBe('load_failed');
    const other = await placeOrder(server.url);
    const ok = await device.subscribe(`order:${other.orderId}`);
    expect(ok instanceof Y.Doc).toBe(true);
    device.close();
    await server.close();
  });
});
