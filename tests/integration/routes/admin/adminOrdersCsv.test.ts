import { describe, expect, it } from 'vitest';
import { ORDERS_CSV_COLUMNS } from '../../../../shared/api/adminOrdersCsv';
import { login } from '../../support/api';
import { parseCsv } from '../../support/csv';
import { errorOf, getJson } from '../../support/http';
import { DAY, ist, MAY_1, useFixtureServer } from '../../support/statsFixture';

const t = useFixtureServer();

const TWO_DAYS = `from=${MAY_1}&to=${MAY_1 + 2 * DAY}`;
const download = (query: string, token: string | null = t.admin.token) =>
  fetch(`${t.server.url}/api/admin/orders.csv?${query}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

/** The export as records keyed by column. */
async function records(query: string): Promise<Record<string, string>[]> {
  const bytes = new Uint8Array(await (await download(query)).arrayBuffer());
  // The UTF-8 byte-order mark Excel needs; TextDecoder drops it.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...rows] = parseCsv(new TextDecoder().decode(bytes));
  expect(header).toEqual([...ORDERS_CSV_COLUMNS]);
  return rows.map((cells) => Object.fromEntries(ORDERS_CSV_COLUMNS.map((c, i) => [c, cells[i] ?? ''])));
}

const iso = (ms: number) => new Date(ms).toISOString();

describe('GET /api/admin/orders.csv', () => {
  it('downloads the orders of the range as an attachment, oldest first', async () => {
    const res = await download(TWO_DAYS);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="dabba-orders-2024-04-30-2024-05-02.csv"');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const rows = await records(TWO_DAYS);
    // Ids may start with "-", which a spreadsheet reads as a formula too: those carry the apostrophe like any cell.
    expect(rows.map((r) => r.order_id)).toEqual(t.fixture.orders.map((id) => (id.startsWith('-') ? `'${id}` : id)));
    expect(rows.map((r) => r.status)).toEqual(['delivered', 'delivered', 'rejected', 'cancelled', 'delivered', 'failed']);
  });

  it('writes times in UTC and on the outlet’s clock, money in major units, and how each order went', async () => {
    const [pickup, late, rejected, cancelled] = await records(TWO_DAYS);
    expect(pickup).toMatchObject({
      placed_at: '2024-05-01T06:40:00.000Z',
      placed_local: '2024-05-01 12:10',
      outlet_id: 'demo-outlet',
      outlet_name: 'Dabba Demo Kitchen',
      type: 'pickup',
      source: 'online',
      total: '180.00',
      // The demo kitchen's prices include 5 % GST, as two halves of 4.29.
      tax: '8.58',
      currency: 'INR',
      driver_id: '',
      accepted_at: iso(ist('12:12')),
      prep_minutes_promised: '15',
      ready_at: iso(ist('12:25')),
      picked_up_at: iso(ist('12:30')),
      finished_at: iso(ist('12:30')),
      promised_at: iso(ist('12:27')),
      late: 'no',
      end_reason: '',
    });
    expect(late).toMatchObject({
      type: 'delivery',
      total: '290.00',
      driver_id: t.fixture.driverId.replace(/^-/, "'-"),
      driver_name: 'Ravi Kumar',
      late: 'yes',
    });
    expect(rejected).toMatchObject({ end_reason: 'Kitchen too busy', late: '', accepted_at: '' });
    expect(cancelled?.end_reason).toBe('Customer asked to cancel');
  });

  it('keeps commas, quotes and line breaks inside their cell, and never lets a cell start a formula', async () => {
    const [pickup, , , cancelled] = await records(TWO_DAYS);
    expect(pickup?.customer_name).toBe(`'=HYPERLINK("x")`);
    expect(pickup?.customer_phone).toBe(`'+91 98450 00002`);
    expect(cancelled?.customer_name).toBe('Rao, "Ravi"\nJunior');
    expect(cancelled?.customer_phone).toBe('080 2222 3333');
  });

  it('narrows to the range and outlet asked, taking ISO 8601 dates', async () => {
    expect((await records(`from=${MAY_1 + DAY}&to=${MAY_1 + 2 * DAY}`)).map((r) => (r.order_id ?? '').replace(/^'/, ''))).toEqual([
      t.fixture.orders[5],
    ]);
    expect(await records(`from=2024-05-01T12:00:00%2B05:30&to=2024-05-01T13:00:00%2B05:30`)).toHaveLength(1);
    expect(await records(`${TWO_DAYS}&outletId=elsewhere`)).toEqual([]);
  });

  it('is for admins, and refuses a missing, backwards or too long range', async () => {
    expect((await download(TWO_DAYS, null)).status).toBe(401);
    for (const who of ['outlet', 'driver'] as const)
      expect((await download(TWO_DAYS, (await login(t.server.url, who)).token)).status).toBe(403);
    for (const query of [`from=${MAY_1}`, `from=${MAY_1}&to=${MAY_1 - 1}`, `from=0&to=${367 * DAY}`, 'from=yesterday&to=today']) {
      const res = await getJson(`${t.server.url}/api/admin/orders.csv?${query}`, { token: t.admin.token });
      expect([res.status, errorOf(res)?.code]).toEqual([400, 'invalid_query']);
    }
  });
});
