import path from 'node:path';
import net from 'node:net';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { DabbaServer } from '../../../sync-server/app';
import { postgresProbe, sqliteProbe, storageProbeOf } from '../../../sync-server/storage/healthProbes';
import { openSqlStorage, type SqlStorage, type SqlTarget } from '../../../sync-server/storage/sql/open';
import { postgresKysely } from '../../../sync-server/storage/sql/postgres';
import { StorageHealth, type StorageProbe } from '../../../sync-server/storage/storageHealth';
import * as Y from 'yjs';
import { orderDocName } from '../../../shared/docNames';
import { newEventId } from '../../../shared/ids';
import { eventsArray } from '../../../shared/order/orderDoc';
import { MuxType } from '../../../shared/protocol/muxMessages';
import { authorOf, login, PICKUP_ORDER, placeOrder } from '../support/api';
import { MuxTestClient } from '../support/muxClient';
import { storedEventIds } from '../support/noteStream';
import { errorOf, getJson, postJson } from '../support/http';
import { freePort, SQLITE_FILE, startTestServer, tempDataDir } from '../support/server';
import { createTestTarget, DIALECTS, silentLog, type Dialect } from '../support/sqlStorage';
import { mountSmallDisk, type SmallDisk } from '../support/smallDisk';

interface Health {
  readonly ok: boolean;
  readonly storage: string;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** On the SQLite file in `dataDir` in either pass: these tests fill its disk and break its pages. */
async function start(dataDir: string): Promise<DabbaServer> {
  const server = await startTestServer({ DATA_DIR: dataDir, [SQLITE_FILE]: '1' });
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

const walCheckpointSchema = z.object({ busy: z.number(), log: z.number(), checkpointed: z.number() });

/**
 * Empties the WAL of the server's SQLite file (a checkpoint that truncates it). The checkpointer starts the
 * WAL over every second, and a WAL started over is written from its first frame: a disk full to the last
 * byte still has that file's old length for new frames, and an update that fits there is stored, not refused.
 */
async function truncateWal(file: string): Promise<void> {
  const db = new Database(file, { timeout: 5_000 });
  try {
    for (let tries = 0; ; tries += 1) {
      const [result] = z.array(walCheckpointSchema).parse(db.pragma('wal_checkpoint(TRUNCATE)'));
      if (result?.busy === 0 && result.log === 0) return;
      if (tries === 50) throw new Error('the WAL could not be truncated');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    db.close();
  }
}

describe('/healthz and writes tell the truth about the SQLite file', () => {
  it('a full disk is a 503 storage "full" on /healthz and a 503 storage_unavailable on POST /api/orders, until space is freed', async () => {
    const disk: SmallDisk = mountSmallDisk(2048);
    cleanups.push(() => disk.unmount());
    const server = await start(path.join(disk.dir, 'data'));
    expect((await postJson(`${server.url}/api/orders`, PICKUP_ORDER)).status).toBe(201);

    await truncateWal(path.join(disk.dir, 'data', 'dabba.sqlite'));
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

    await truncateWal(path.join(disk.dir, 'data', 'dabba.sqlite'));
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

describe.each(DIALECTS)('storage health probed on %s', (dialect: Dialect) => {
  let target: SqlTarget;
  let opened: SqlStorage;
  let discard: () => Promise<void>;
  beforeEach(async () => {
    ({ target, discard } = await createTestTarget(dialect));
    opened = await openSqlStorage(target, silentLog);
  });
  afterEach(async () => {
    await opened.close();
    await discard();
  });

  const heartbeat = async (): Promise<string | undefined> =>
    (await opened.db.selectFrom('meta').select('value').where('key', '=', 'health_heartbeat').executeTakeFirst())?.value;

  /** A probe over a second connection to the same database, one that may only read. */
  function readOnlyProbe(): { probe: StorageProbe; close(): Promise<void> } {
    if (target.dialect === 'sqlite') {
      const raw = new Database(path.join(target.dataDir, 'dabba.sqlite'), { readonly: true });
      return { probe: sqliteProbe(raw), close: () => Promise.resolve(void raw.close()) };
    }
    const url = new URL(target.url);
    url.searchParams.set('options', '-c default_transaction_read_only=on');
    const db = postgresKysely(url.toString(), silentLog);
    return { probe: postgresProbe(db), close: () => db.destroy() };
  }

  it('finds fresh storage well-formed and taking writes, its heartbeat written at each probe', async () => {
    const health = new StorageHealth(storageProbeOf(opened), 1000);
    expect(await health.checkIntegrity()).toEqual([]);
    expect(await health.status(1_700_000_000_000)).toBe('ok');
    expect(await heartbeat()).toBe('1700000000000');
    expect(await health.status(1_700_000_000_999)).toBe('ok');
    expect(await heartbeat()).toBe('1700000000000');
    expect(await health.status(1_700_000_001_000)).toBe('ok');
    expect(await heartbeat()).toBe('1700000001000');
  });

  it('reports read_only while the database refuses writes, and ok again on one that takes them', async () => {
    const readOnly = readOnlyProbe();
    try {
      const health = new StorageHealth(readOnly.probe, 1000);
      expect(await health.checkIntegrity()).toEqual([]);
      for (const at of [0, 1000, 2000]) expect(await health.status(at)).toBe('read_only');
    } finally {
      await readOnly.close();
    }
    expect(await new StorageHealth(storageProbeOf(opened)).status(3000)).toBe('ok');
  });
});

describe('storage health of a PostgreSQL server out of reach', () => {
  it('reports failed when nothing listens where the server should be, probe after probe', async () => {
    const db = postgresKysely(`postgres://postgres@127.0.0.1:${await freePort()}/dabba`, silentLog);
    try {
      const health = new StorageHealth(postgresProbe(db), 1000);
      expect(await health.status(0)).toBe('failed');
      expect(await health.status(500)).toBe('failed');
      expect(await health.status(1000)).toBe('failed');
    } finally {
      await db.destroy();
    }
  });

  it('reports failed when the server takes the connection but never answers, within the probe timeout', async () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    const db = postgresKysely(`postgres://postgres@127.0.0.1:${port}/dabba`, silentLog);
    try {
      const health = new StorageHealth(postgresProbe(db, 300), 1000);
      const started = Date.now();
      expect(await health.status(0)).toBe('failed');
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
      await db.destroy();
    }
  });
});
