import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MENU_PHOTO_UPLOAD } from '../../../shared/api/menuPhotos';
import type { DabbaServer } from '../../../sync-server/app';
import { login, placeOrder } from '../support/api';
import { addDriver, NEAR_OUTLET } from '../support/drivers';
import { postJson } from '../support/http';
import { DELIVERY } from '../support/refusals';
import { SQLITE_FILE, startTestServer, tempDataDir } from '../support/server';

const modeOf = (file: string): string => (fs.statSync(file).mode & 0o777).toString(8);
const running: DabbaServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

async function start(dataDir: string, env: Record<string, string> = {}): Promise<DabbaServer> {
  const server = await startTestServer({ DATA_DIR: dataDir, ...env });
  running.push(server);
  return server;
}

/** Uploads one proof photo as the assigned driver of a new delivery; the path it is stored at. */
async function storeProof(server: DabbaServer, dataDir: string): Promise<string> {
  const admin = await login(server.url, 'admin');
  const driver = await addDriver(server.url, admin, 'Asha', NEAR_OUTLET);
  const { orderId } = await placeOrder(server.url, DELIVERY);
  expect((await postJson(`${server.url}/newdelivery`, { orderId }, { token: admin.token })).status).toBe(200);
  // The proof route reads the driver from the order index, which the dispatch hook updates after the reply.
  await server.hooksSettled();
  const photo = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(256)]));
  const proofId = createHash('sha256').update(photo).digest('hex');
  const res = await fetch(`${server.url}/api/orders/${orderId}/proofs/${proofId}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${driver.session.token}`, 'content-type': 'image/jpeg' },
    body: photo,
  });
  expect(res.status).toBe(201);
  return path.join(dataDir, 'proofs', orderId, `${proofId}.jpg`);
}

/** Uploads one menu photo as the admin; the path it is stored at. */
async function storeMenuPhoto(server: DabbaServer, dataDir: string): Promise<string> {
  const admin = await login(server.url, 'admin');
  const photo = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(256)]));
  const res = await fetch(`${server.url}${MENU_PHOTO_UPLOAD}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'image/jpeg' },
    body: photo,
  });
  expect(res.status).toBe(201);
  return path.join(dataDir, 'menu-photos', `${createHash('sha256').update(photo).digest('hex')}.jpg`);
}

/** The files SQLite storage keeps in DATA_DIR, and the JWT secret a server without JWT_SECRET keeps there. */
const SQLITE_FILES = ['dabba.sqlite', 'dabba.sqlite-wal', 'dabba.sqlite-shm', 'jwt-secret'];
/** A server on the SQLite file in `dataDir` in either pass, for what only that storage keeps in DATA_DIR. */
const onSqliteFile = { [SQLITE_FILE]: '1' };

/** What an older version left readable to all in `dataDir`: the directory, proofs, and `files`. */
function loosen(dataDir: string, files: readonly string[]): void {
  fs.chmodSync(dataDir, 0o755);
  fs.mkdirSync(path.join(dataDir, 'proofs'), { recursive: true });
  fs.chmodSync(path.join(dataDir, 'proofs'), 0o755);
  for (const file of files) {
    const full = path.join(dataDir, file);
    if (!fs.existsSync(full)) fs.writeFileSync(full, '');
    fs.chmodSync(full, 0o644);
  }
}

describe('DATA_DIR is private to the server’s user', () => {
  it('a new data dir, proof and menu photos are 0700/0600', async () => {
    const dataDir = path.join(tempDataDir(), 'nested', 'data');
    const server = await start(dataDir);
    const photo = await storeProof(server, dataDir);
    const menuPhoto = await storeMenuPhoto(server, dataDir);

    expect(modeOf(dataDir)).toBe('700');
    expect(modeOf(path.join(dataDir, 'proofs'))).toBe('700');
    expect(modeOf(path.dirname(photo))).toBe('700');
    expect(modeOf(photo)).toBe('600');
    expect(modeOf(path.dirname(menuPhoto))).toBe('700');
    expect(modeOf(menuPhoto)).toBe('600');
  });

  it('a new SQLite database with its WAL files, and the JWT secret, are 0600', async () => {
    const dataDir = path.join(tempDataDir(), 'nested', 'data');
    await storeProof(await start(dataDir, onSqliteFile), dataDir);
    expect(modeOf(dataDir)).toBe('700');
    for (const file of SQLITE_FILES) expect([file, modeOf(path.join(dataDir, file))]).toEqual([file, '600']);
  });

  it('a data dir an older version left readable to all is tightened at start', async () => {
    const dataDir = tempDataDir();
    await (await start(dataDir)).close();
    running.length = 0;
    loosen(dataDir, []);

    await start(dataDir);
    expect(modeOf(dataDir)).toBe('700');
    expect(modeOf(path.join(dataDir, 'proofs'))).toBe('700');
  });

  it('a SQLite database and JWT secret an older version left readable to all are tightened at start', async () => {
    const dataDir = tempDataDir();
    await (await start(dataDir, onSqliteFile)).close();
    running.length = 0;
    loosen(dataDir, SQLITE_FILES);

    await start(dataDir, onSqliteFile);
    expect(modeOf(dataDir)).toBe('700');
    for (const file of SQLITE_FILES) expect([file, modeOf(path.join(dataDir, file))]).toEqual([file, '600']);
  });
});
