import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteFile, type Db } from '../../../sync-server/storage/db';
import { startWalCheckpointer, type WalCheckpointer } from '../../../sync-server/storage/sql/walCheckpointer';
import { pollUntil } from '../support/poll';
import { silentLog } from '../support/sqlStorage';

let dir = '';
let raw: Db | null = null;
let checkpointer: WalCheckpointer | null = null;
afterEach(async () => {
  await checkpointer?.stop();
  raw?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const fileSize = (): number => fs.statSync(path.join(dir, 'dabba.sqlite')).size;

describe('WAL checkpoints', () => {
  it('are never made by the server’s own connection but by a thread of their own, which copies the WAL into the file', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dabba-wal-'));
    raw = openSqliteFile(dir, 'normal');
    raw.exec('create table blobs (id integer primary key, data blob)');
    checkpointer = startWalCheckpointer(raw, 'normal', silentLog, 50);
    expect(raw.pragma('wal_autocheckpoint', { simple: true })).toBe(0);

    const before = fileSize();
    const insert = raw.prepare('insert into blobs (data) values (?)');
    // 2,000 pages, twice what SQLite's own autocheckpoint would let pile up before a commit copies them.
    for (let i = 0; i < 2_000; i++) insert.run(Buffer.alloc(4_000, i % 256));
    expect(fileSize()).toBe(before);

    // The file grows while a checkpoint copies pages into it; it is done once the thread says so.
    const done = checkpointer.done();
    const copied = checkpointer;
    await pollUntil(
      async () => ({ size: fileSize(), checkpoints: copied.done() }),
      (seen) => seen.size > before + 7_000_000 && seen.checkpoints > done,
      'the checkpointing thread to copy the WAL into the database file',
    );
    expect(raw.prepare('select count(*) as n from blobs').get()).toEqual({ n: 2_000 });
  });
});
