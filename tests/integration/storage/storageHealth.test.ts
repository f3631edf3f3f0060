import path from 'node:path';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { DabbaServer } from '../../../sync-server/app';
import * as Y from 'yjs';
import { orderDocName } from '../../../shared/docNames';
import { newEventId } from '../../../shared/ids';
import { eventsArray } from '../../../shared/order/orderDoc';
import { MuxType } from '../../../shared/protocol/muxMessages';
import { authorOf, login, PICKUP_ORDER, placeOrder } from '../support/api';
import { MuxTestClient } from '../support/muxClient';
import { storedEventIds } from '../support/noteStream';
import { errorOf, getJson, postJson } from '../support/http';
import { startTestServer, tempDataDir } from '../support/server';
import { mountSmallDisk, type SmallDisk } from '../support/smallDisk';

interface Health {
  readonly ok: boolean;
  readonly storage: string;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(dataDir: string): Promise<DabbaServer> {
  const server = await startTestServer({ DATA_DIR: dataDir });
  cleanups.push(() => server.close());
  return server;
}

async function healthWithin(url: string, wanted: number, ms = 5000): Promise<{ status: number; body: Health }> {
  const deadline = Date.now() + ms;
  for (;;) {
    const res = await getJson<Health>(`${url}/healthz`);
    if (res.status === wanted || Date.now() > deadline) return res;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('/healthz and writes tell the truth about storage', () => {
  it('a full disk is a 503 storage "full" on /healthz and a 503 storage_unavailable on POST /api/orders, until space is freed', async () => {
    const disk: SmallDisk = mountSmallDisk(2048);
    cleanups.push(() => disk.unmount());
    const server = await start(path.join(disk.dir, 'data'));
    expect((await postJson(`${server.url}/api/orders`, PICKUP_ORDER)).status).toBe(201);

    disk.fill();
    cleanups.push(() => disk.free());
    const health = await healthWithin(server.url, 503);
    expect(health).toMatchObject({ status: 503, body: { ok: false, storage: 'full' } });
    const refused = await postJson(`${server.url}/api/orders`, PICKUP_ORDER);
    expect(refused.status).toBe(503);
    expect(errorOf(refused)?.code).toBe('storage_unavailable');
    expect(errorOf(refused)?.message).toMatch(/storage is full/);

    disk.free();
    expect(await healthWithin(server.url, 200)).toMatchObject({ status: 200, body: { ok: true, storage: 'ok' } });
    expect((await postJson(`${server.url}/api/orders`, PICKUP_ORDER)).status).toBe(201);
  });

  it('a device update on a full disk is answered storage_failed, and the same update is taken once space returns', async () => {
    const disk: SmallDisk = mountSmallDisk(2048);
    cleanups.push(() => disk.unmount());
    const server = await start(path.join(disk.dir, 'data'));
    const name = orderDocName((await placeOrder(server.url)).orderId);
    const admin = await login(server.url, 'admin');
    const device = await MuxTestClient.connect(server.url, admin.token);
    cleanups.push(() => device.close());
    const doc = await device.open(name);
    const at = Date.now();
    const notes = Array.from({ length: 1000 }, (_, i) => ({
      id: newEventId(),
      type: 'note',
      at: at + i,
      by: authorOf(admin),
      text: `note ${i} `.repeat(8),
    }));
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(copy);
    eventsArray(copy).push(notes);
    const update = Y.encodeStateAsUpdate(copy, before);

    disk.fill();
    cleanups.push(() => disk.free());
    const refused = await device.sendUpdate(name, update);
    expect(refused).toMatchObject({ type: MuxType.REJECT, code: 'storage_failed' });
    expect(await healthWithin(server.url, 503)).toMatchObject({ status: 503, body: { storage: 'full' } });

    disk.free();
    expect(await healthWithin(server.url, 200)).toMatchObject({ status: 200 });
    expect((await device.sendUpdate(name, update)).type).toBe(MuxType.ACK);
    const stored = await storedEventIds(server.url, [name]);
    expect(notes.every((n) => stored.has(n.id))).toBe(true);
  });

  it('a malformed database file is reported as storage "corrupt", not ok', async () => {
    const dataDir = tempDataDir();
    await (await start(dataDir)).close();
    cleanups.length = 0;
    // A table the server never reads, so it starts; then one of its pages is overwritten with garbage.
    const file = path.join(dataDir, 'dabba.sqlite');
    const db = new Database(file);
    db.exec(
      "CREATE TABLE ballast (v TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50) INSERT INTO ballast SELECT printf('%.500c', 'x') FROM n;",
    );
    const { rootpage } = db.prepare<[], { rootpage: number }>("SELECT rootpage FROM sqlite_master WHERE name = 'ballast'").get() ?? {
      rootpage: 0,
    };
    const pageSize = Number(db.pragma('page_size', { simple: true }));
    db.close();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (rootpage - 1) * pageSize);
    fs.closeSync(fd);

    const server = await start(dataDir);
    expect(await getJson<Health>(`${server.url}/healthz`)).toMatchObject({ status: 503, body: { ok: false, storage: 'corrupt' } });
  });
});
