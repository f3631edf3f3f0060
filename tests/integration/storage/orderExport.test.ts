import { describe, expect, it } from 'vitest';
import { openDb } from '../../../sync-server/storage/db';
import { OrderExport, type ExportCursor } from '../../../sync-server/storage/orderExport';
import { tempDataDir } from '../support/server';
import { DAY, MAY_1, writeStatsFixture } from '../support/statsFixture';

describe('the orders export', () => {
  it('reads a range page by page, each order once, oldest first', async () => {
    const fixture = await writeStatsFixture(tempDataDir('export'));
    const db = openDb(fixture.dataDir, 'normal');
    try {
      const exports = new OrderExport(db);
      const filter = { from: MAY_1, to: MAY_1 + 2 * DAY, outletId: null };
      const seen: string[] = [];
      let cursor: ExportCursor | null = null;
      for (let page = exports.next(filter, cursor, 4); page.length > 0; page = exports.next(filter, cursor, 4)) {
        seen.push(...page.map((r) => r.id));
        const last = page.at(-1);
        cursor = last ? { createdAt: last.created_at, id: last.id } : null;
      }
      expect(seen).toEqual(fixture.orders);
    } finally {
      db.close();
    }
  });
});
