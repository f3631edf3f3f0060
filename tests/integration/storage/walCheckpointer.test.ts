import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteFile, type Db } from '../../../sync-server/storage/db';
import { GroupCommit } from '../../../sync-server/storage/groupCommit';
import { sqliteKysely } from '../../../sync-server/storage/sql/sqlite';
import { startWalCheckpointer, type WalCheckpointer } from '../../../sync-server/storage/sql/walCheckpointer';
import { writeGateOf } from '../../../sync-server/storage/sql/writeGate';
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

const fileSize = (suffix = ''): number => fs.statSync(path.join(dir, `dabba.sqlite${suffix}`)).size;
/** The page the WAL's first frame holds: its header is 32 bytes, and a frame's header starts with its page number. */
const firstWalFramePage = (): number => fs.readFileSync(path.join(dir, 'dabba.sqlite-wal')).readUInt32BE(32);

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

  it('keep the WAL from growing under appends that keep coming, holding them for a moment while the last frames are copied', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dabba-wal-'));
    raw = openSqliteFile(dir, 'normal');
    raw.exec('create table blobs (id integer primary key, data blob)');
    raw.exec('create table meta (key text primary key, value text not null)');
    const db = sqliteKysely(raw);
    const group = new GroupCommit(db);
    checkpointer = startWalCheckpointer(raw, 'normal', silentLog, 20);
    const insert = raw.prepare('insert into blobs (data) values (?)');
    const noKysely = (): Promise<void> => Promise.reject(new Error('written on the handle'));

    const started = checkpointer;
    await pollUntil(
      async () => started.done(),
      (done) => done > 0,
      'the checkpointing thread to start',
    );

    // An append every millisecond or so, a pace any disk keeps up with: a checkpoint (with its syncs) takes
    // longer than the gap between two appends, so SQLite seldom finds the WAL wholly copied when one begins
    // and starts it over. 3,000 appends write ~35 MB of frames; left to SQLite, the WAL reached 17 MB here.
    let largest = 0;
    const appends = 3_000;
    for (let i = 0; i < appends; i++) {
      await group.run(noKysely, () => void insert.run(Buffer.alloc(4_000, i % 256)));
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (i % 100 === 0) largest = Math.max(largest, fileSize('-wal'));
    }
    largest = Math.max(largest, fileSize('-wal'));

    expect(raw.prepare('select count(*) as n from blobs').get()).toEqual({ n: appends });
    expect(checkpointer.done()).toBeGreaterThan(5);
    // The WAL was last started over by the checkpointing thread's own write (its first frame is the page of
    // that `meta` row), so the sync of its new header happened on that thread and not under an append.
    const metaPage = raw.prepare("select rootpage from sqlite_master where name = 'meta'").get();
    expect(metaPage).toEqual({ rootpage: firstWalFramePage() });
    // Bounded by what piles up while a checkpoint runs, not by all that went through.
    expect(largest).toBeLessThan(8_000_000);
    expect(checkpointer.restarts()).toBeGreaterThan(0);
  });

  it('hold appends no longer than their limit, and a restart given up on is not written when the thread gets to it', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dabba-wal-'));
    raw = openSqliteFile(dir, 'normal');
    raw.exec('create table blobs (id integer primary key, data blob)');
    raw.exec('create table meta (key text primary key, value text not null)');
    raw.prepare('insert into blobs (data) values (?)').run(Buffer.alloc(4_000, 1));
    // Another connection's write keeps the thread waiting for the lock it needs to start the WAL over.
    const other = openSqliteFile(dir, 'normal');
    other.exec('BEGIN IMMEDIATE');
    const gate = writeGateOf(raw);
    const checkpoints = startWalCheckpointer(raw, 'normal', silentLog, 20, 1_000);
    checkpointer = checkpoints;
    try {
      await pollUntil(
        async () => ({ held: gate.closed !== null }),
        (seen) => seen.held,
        'appends held for a restart',
      );
      const heldAt = performance.now();
      await pollUntil(
        async () => ({ held: gate.closed !== null }),
        (seen) => !seen.held,
        'appends going on once the hold ran out',
      );
      expect(performance.now() - heldAt).toBeLessThan(5_000);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    // Nothing else is asked of the thread: it finishes what it was asked before and closes.
    await checkpoints.stop();
    expect(raw.prepare("select value from meta where key = 'wal_restarted_at'").get()).toBeUndefined();
    expect(checkpoints.restarts()).toBe(0);
  });
});
