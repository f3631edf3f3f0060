import { describe, expect, it } from 'vitest';
import { OutletIdSchema } from '../../../../shared/ids';
import { hourOfDayOf, seriesOf } from '../../../../sync-server/stats/series';
import type { Block } from '../../../../sync-server/storage/orderStats';

const LONDON = 'Europe/London';
const block = (iso: string, orders: number, outletId = OutletIdSchema.parse('o1')): Block => ({
  outletId,
  start: Date.parse(iso),
  orders,
  completed: orders,
  rejected: 0,
  cancelled: 0,
  late: 0,
});

describe('stats series', () => {
  it('has one point per local day, 23 hours long where the clocks go forward, empty days included', () => {
    const from = Date.parse('2024-03-30T00:00:00Z');
    const to = Date.parse('2024-04-02T00:00:00+01:00');
    const points = seriesOf([block('2024-03-31T22:45:00Z', 2), block('2024-03-30T10:00:00Z', 1)], from, to, 'day', LONDON);
    expect(points.map((p) => [new Date(p.start).toISOString(), p.orders])).toEqual([
      ['2024-03-30T00:00:00.000Z', 1],
      // 22:45 UTC is 23:45 on the 31st in London: still that day, which ends at 23:00 UTC.
      ['2024-03-31T00:00:00.000Z', 2],
      ['2024-03-31T23:00:00.000Z', 0],
    ]);
  });

  it('reads each block’s hour of day in its own outlet’s zone', () => {
    const zones: Record<string, string> = { o1: 'Asia/Kolkata', o2: 'UTC' };
    const hours = hourOfDayOf(
      [block('2024-05-01T07:15:00Z', 3), block('2024-05-01T07:15:00Z', 4, OutletIdSchema.parse('o2'))],
      (id) => zones[id] ?? 'UTC',
    );
    expect(hours[12]?.orders).toBe(3);
    expect(hours[7]?.orders).toBe(4);
  });
});
