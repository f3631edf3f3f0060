import { describe, expect, it } from 'vitest';
import { systemClock } from '../../../../sync-server/clock';
import type { Logger } from '../../../../sync-server/log';
import Database from 'better-sqlite3';
import { migrate } from '../../../../sync-server/storage/migrations';
import { PushTokens } from '../../../../sync-server/storage/pushTokens';
import { sqliteKysely } from '../../../../sync-server/storage/sql/sqlite';
import { startWaker } from '../../../../sync-server/wake/startWaker';
import { noWaker } from '../../../../sync-server/wake/waker';

describe('startWaker', () => {
  it('turns wake-ups off with one log line when FCM is not configured', async () => {
    const lines: string[] = [];
    const log: Logger = { info: (m) => void lines.push(m), error: (m) => void lines.push(m) };
    const db = new Database(':memory:');
    migrate(db);
    const presence = { devicesOfUser: () => Promise.resolve([]), devicesOfOutlet: () => Promise.resolve([]) };
    const sql = sqliteKysely(db);
    const started = await startWaker(null, 250, { tokens: new PushTokens(sql), presence, clock: systemClock, log });
    expect(started.waker).toBe(noWaker);
    expect(lines).toEqual([expect.stringContaining('wake-ups are off')]);
    await started.close();
    await sql.destroy();
  });
});
