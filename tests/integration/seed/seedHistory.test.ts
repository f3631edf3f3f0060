import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ADMIN_INBOX } from '../../../shared/docNames';
import { inboxOrderIds } from '../../../shared/inbox';
import { loadConfig, type Config } from '../../../sync-server/config';
import { seedHistory, type SeedHistoryOptions } from '../../../sync-server/seed/history/seedHistory';
import { statsResponseSchema } from '../../../shared/api/adminStats';
import { login } from '../support/api';
import { getJson } from '../support/http';
import { MuxTestClient } from '../support/muxClient';
import { startTestServer, storageEnv, tempDataDir } from '../support/server';
import { openServerStorage } from '../support/sqlStorage';

const DAY = 24 * 3_600_000;
const UNTIL = Date.parse('2024-05-20T12:00:00Z');
const OPTIONS: SeedHistoryOptions = { days: 7, ordersPerDay: 40, seed: 7, until: UNTIL, again: false };
/** The config the seeder runs with: the storage a test server on `dataDir` will find. */
const configOf = async (dataDir: string): Promise<Config> =>
  loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...(await storageEnv(dataDir)) });

interface Row {
  readonly created_at: number;
  readonly type: string | null;
  readonly status: string;
  readonly total: number | null;
  readonly finished_at: number | null;
  readonly late: number | null;
  readonly timings_version: number | null;
}

async function ordersOf(dataDir: string): Promise<Row[]> {
  const storage = await openServerStorage(dataDir);
  try {
    return await storage.db
      .selectFrom('orders')
      .select(['created_at', 'type', 'status', 'total', 'finished_at', 'late', 'timings_version'])
      .orderBy('created_at')
      .execute();
  } finally {
    await storage.close();
  }
}

describe('seed:history', () => {
  it('writes the same finished orders, with their timings, for the same seed', async () => {
    const [a, b] = [tempDataDir('history-a'), tempDataDir('history-b')];
    // Two days are enough to compare: every order takes dozens of commits, each a round trip on PostgreSQL.
    const twoDays = { ...OPTIONS, days: 2 };
    const first = await seedHistory(await configOf(a), twoDays);
    await seedHistory(await configOf(b), twoDays);
    expect(first.ok && first.value).toMatchObject({ outlets: 1, drivers: 4 });
    const rows = await ordersOf(a);
    expect(rows.length).toBeGreaterThan(60);
    expect(await ordersOf(b)).toEqual(rows);
    expect(rows.every((r) => ['delivered', 'rejected', 'cancelled', 'failed'].includes(r.status))).toBe(true);
    expect(rows.every((r) => r.timings_version === 1 && r.finished_at !== null && r.finished_at < UNTIL)).toBe(true);
    expect(rows[0]?.created_at).toBeGreaterThanOrEqual(UNTIL - 3 * DAY);
    const delivered = rows.filter((r) => r.status === 'delivered');
    const lateShare = delivered.filter((r) => r.late === 1).length / delivered.length;
    expect(lateShare).toBeGreaterThan(0.05);
    expect(lateShare).toBeLessThan(0.5);
    expect(new Set(rows.map((r) => r.type))).toEqual(new Set(['delivery', 'pickup', 'dine-in']));
  });

  it('leaves the inboxes holding only the last day; a server starts on it with nothing to dispatch and sane stats', async () => {
    const dataDir = tempDataDir('history-live');
    const until = Date.now() - 60_000;
    await seedHistory(await configOf(dataDir), { ...OPTIONS, until });
    const server = await startTestServer({ DATA_DIR: dataDir });
    try {
      const admin = await login(server.url, 'admin');
      const desk = await MuxTestClient.connect(server.url, admin.token);
      const inbox = inboxOrderIds(await desk.open(ADMIN_INBOX));
      const lastDay = (await ordersOf(dataDir)).filter((r) => (r.finished_at ?? 0) >= until - DAY);
      expect(inbox.length).toBe(lastDay.length);
      desk.close();
      expect(await server.sql.selectFrom('dispatch_offers').selectAll().execute()).toEqual([]);

      const res = await getJson(`${server.url}/api/admin/stats?from=${until - 7 * DAY}&to=${until}`, { token: admin.token });
      const stats = statsResponseSchema.parse(res.body);
      const at = (hour: number) => stats.hourOfDay[hour]?.orders ?? 0;
      // Lunch and dinner peaks in the outlet's own time, quiet before dawn.
      expect(at(13)).toBeGreaterThan(3 * at(10));
      expect(at(20)).toBeGreaterThan(3 * at(16));
      expect(at(3) + at(4)).toBe(0);
      const { totals } = stats;
      expect(totals.lateShare).toBeGreaterThan(0.05);
      expect(totals.lateShare).toBeLessThan(0.5);
      expect(totals.timeToAccept.avgMs).toBeGreaterThan(20_000);
      expect(totals.timeToAccept.avgMs).toBeLessThan(5 * 60_000);
      expect(totals.prep.avgMs).toBeLessThan((totals.prep.promisedAvgMs ?? 0) * 1.2);
      expect(totals.delivery.avgMs).toBeGreaterThan(3 * 60_000);
      expect(totals.rejected + totals.cancelled).toBeGreaterThan(0);
      expect(stats.reasons.rejected.items.length).toBeGreaterThan(0);
      expect(stats.byDriver.filter((d) => d.delivered > 0)).toHaveLength(4);
    } finally {
      await server.close();
    }
  });

  it('refuses to add a second history unless asked to', async () => {
    const dataDir = tempDataDir('history-twice');
    const small = { ...OPTIONS, days: 1, ordersPerDay: 4 };
    await seedHistory(await configOf(dataDir), small);
    const again = await seedHistory(await configOf(dataDir), small);
    expect(again.ok ? null : again.error.code).toBe('already_seeded');
  });

  it('runs as npm run seed:history against DATA_DIR', async () => {
    const dataDir = tempDataDir('history-cli');
    const root = path.resolve(import.meta.dirname, '../../..');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'scripts/seedHistory.ts', '--days', '2', '--orders-per-day', '20', '--seed', '3'],
      { cwd: root, env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'error', PORT: '1', ...(await storageEnv(dataDir)) } },
    );
    expect(stdout).toMatch(/^Wrote \d+ orders over 2 days at 1 outlet\(s\), 4 drivers/);
    expect((await ordersOf(dataDir)).length).toBeGreaterThan(10);
  });
});
