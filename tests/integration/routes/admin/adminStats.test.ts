import { describe, expect, it } from 'vitest';
import { statsResponseSchema, type StatsResponse } from '../../../../shared/api/adminStats';
import { usersListSchema } from '../../../../shared/api/adminUsers';
import { login } from '../../support/api';
import { errorOf, getJson } from '../../support/http';
import { DAY, ist, MAY_1, useFixtureServer } from '../../support/statsFixture';

const MINUTE = 60_000;
const t = useFixtureServer();

const statsOf = async (query: string): Promise<StatsResponse> => {
  const res = await getJson(`${t.server.url}/api/admin/stats?${query}`, { token: t.admin.token });
  expect(res.status).toBe(200);
  return statsResponseSchema.parse(res.body);
};
const TWO_DAYS = `from=${MAY_1}&to=${MAY_1 + 2 * DAY}`;

describe('GET /api/admin/stats against six orders with known times', () => {
  it('counts what became of them and how long each step took', async () => {
    const { totals } = await statsOf(TWO_DAYS);
    expect(totals).toEqual({
      orders: 6,
      completed: 3,
      rejected: 1,
      cancelled: 1,
      failed: 1,
      open: 0,
      // Only the delivery that reached the door at 13:50 against a promise of 13:29 plus a ~3-minute trip.
      late: 1,
      lateShare: 1 / 3,
      // 2 + 4 + 1 + 3 + 1 minutes over the five accepted orders.
      timeToAccept: { count: 5, avgMs: (11 * MINUTE) / 5 },
      // 13, 24, 10 and 13 minutes against promises of 15, 20, 15 and 15; the cancelled one never got there.
      prep: { count: 4, avgMs: 15 * MINUTE, promisedAvgMs: 16.25 * MINUTE, late: 1 },
      delivery: { count: 1, avgMs: 14 * MINUTE },
      // Placed to completed: 20, 45 and 15 minutes.
      total: { count: 3, avgMs: Math.round((80 * MINUTE) / 3) },
      // 2 × 90.00 + (250.00 + 40.00 delivery) + (50.00 + 150.00).
      sales: [{ currency: 'INR', amount: 67000 }],
    });
  });

  it('lists the reasons orders ended, and each outlet and driver', async () => {
    const stats = await statsOf(TWO_DAYS);
    expect(stats.reasons).toEqual({
      rejected: { items: [{ reason: 'Kitchen too busy', count: 1 }], other: 0 },
      cancelled: { items: [{ reason: 'Customer asked to cancel', count: 1 }], other: 0 },
      failed: { items: [{ reason: 'Address not found', count: 1 }], other: 0 },
    });
    expect(stats.byOutlet).toEqual([{ ...stats.totals, outletId: 'demo-outlet', name: 'Dabba Demo Kitchen', timeZone: 'Asia/Kolkata' }]);
    expect(stats.byDriver).toEqual([
      {
        driverId: t.fixture.driverId,
        name: 'Ravi Kumar',
        orders: 2,
        delivered: 1,
        failed: 1,
        late: 1,
        delivery: { count: 1, avgMs: 14 * MINUTE },
        cashCollected: [{ currency: 'INR', amount: 29000 }],
      },
    ]);
  });

  it('buckets by the outlet’s local hour of day and, over a range, by local day', async () => {
    const stats = await statsOf(`${TWO_DAYS}&bucket=day`);
    expect(stats.timeZone).toBe('Asia/Kolkata');
    expect(stats.hourOfDay.filter((h) => h.orders > 0)).toEqual([
      { hour: 12, orders: 2 },
      { hour: 13, orders: 1 },
      { hour: 19, orders: 1 },
      { hour: 20, orders: 2 },
    ]);
    expect(stats.series).toEqual([
      { start: MAY_1, orders: 5, completed: 3, rejected: 1, cancelled: 1, late: 1 },
      { start: MAY_1 + DAY, orders: 1, completed: 0, rejected: 0, cancelled: 0, late: 0 },
    ]);
  });

  it('buckets by hour for short ranges, and in another time zone when asked', async () => {
    const hourly = await statsOf(TWO_DAYS);
    expect(hourly.bucket).toBe('hour');
    expect(hourly.series).toHaveLength(48);
    expect(hourly.series.find((p) => p.start === ist('20:00'))).toMatchObject({ orders: 2, completed: 1, cancelled: 1 });
    const utc = await statsOf(`${TWO_DAYS}&bucket=day&tz=UTC`);
    // 1 May 00:00 in Kolkata is 30 April 18:30 UTC: three UTC days, the first empty.
    expect(utc.series.map((p) => [new Date(p.start).toISOString().slice(0, 10), p.orders])).toEqual([
      ['2024-04-30', 0],
      ['2024-05-01', 5],
      ['2024-05-02', 1],
    ]);
    expect(utc.hourOfDay.find((h) => h.hour === 20)?.orders).toBe(2);
  });

  it('narrows to one driver or one outlet, and to the range asked', async () => {
    const driver = await statsOf(`${TWO_DAYS}&driverId=${t.fixture.driverId}`);
    expect(driver.totals).toMatchObject({ orders: 2, completed: 1, failed: 1, late: 1 });
    const secondDay = await statsOf(`from=${MAY_1 + DAY}&to=${MAY_1 + 2 * DAY}&outletId=demo-outlet`);
    expect(secondDay.totals).toMatchObject({ orders: 1, failed: 1, completed: 0, lateShare: null, total: { count: 0, avgMs: null } });
    const elsewhere = await statsOf(`${TWO_DAYS}&outletId=nowhere`);
    expect(elsewhere.totals.orders).toBe(0);
    expect(elsewhere.byOutlet).toEqual([]);
  });

  it('is for admins, and refuses a range it cannot answer', async () => {
    expect((await getJson(`${t.server.url}/api/admin/stats?${TWO_DAYS}`)).status).toBe(401);
    for (const who of ['outlet', 'driver'] as const) {
      const res = await getJson(`${t.server.url}/api/admin/stats?${TWO_DAYS}`, { token: (await login(t.server.url, who)).token });
      expect(res.status).toBe(403);
    }
    for (const query of [
      '',
      `from=${MAY_1}`,
      `from=${MAY_1}&to=${MAY_1}`,
      `from=${MAY_1}&to=${MAY_1 + 93 * DAY}`,
      `${TWO_DAYS}&tz=Nowhere/Else`,
    ]) {
      const res = await getJson(`${t.server.url}/api/admin/stats?${query}`, { token: t.admin.token });
      expect([res.status, errorOf(res)?.code]).toEqual([400, 'invalid_query']);
    }
  });
});

describe('GET /api/admin/users on the same orders', () => {
  it('counts a driver’s deliveries and the cash collected since the start of the day asked', async () => {
    const people = async (since: number) =>
      usersListSchema.parse((await getJson(`${t.server.url}/api/admin/users?role=driver&since=${since}`, { token: t.admin.token })).body);
    const ravi = (await people(MAY_1)).users.find((u) => u.id === t.fixture.driverId);
    // The 13:50 delivery on 1 May; the next day's failed one collected nothing.
    expect(ravi?.driver).toMatchObject({ deliveriesToday: 1, cashCollectedToday: [{ currency: 'INR', amount: 29000 }], activeOrders: 0 });
    const nextDay = (await people(MAY_1 + DAY)).users.find((u) => u.id === t.fixture.driverId);
    expect(nextDay?.driver).toMatchObject({ deliveriesToday: 0, cashCollectedToday: [] });
  });
});
