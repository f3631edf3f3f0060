import { describe, expect, it } from 'vitest';
import { OutletIdSchema } from '../../../shared/ids';
import { OrderExport, type ExportCursor, type ExportFilter, type ExportRow } from '../../../sync-server/storage/orderExport';
import { insertOrders } from '../support/orderRows';
import { DIALECTS, useTestStorage, type Dialect } from '../support/sqlStorage';

const T0 = Date.parse('2024-05-01T00:00:00Z');
const ALL: ExportFilter = { from: T0, to: T0 + 10_000, outletId: null };

describe.each(DIALECTS)('the orders export on %s', (dialect: Dialect) => {
  const storage = useTestStorage(dialect);
  const exports = (): OrderExport => new OrderExport(storage().db);

  /** Every page until an empty one, each read after the last row of the one before. */
  async function readAll(filter: ExportFilter, pageSize: number): Promise<string[][]> {
    const pages: string[][] = [];
    let cursor: ExportCursor | null = null;
    for (;;) {
      const page: ExportRow[] = await exports().next(filter, cursor, pageSize);
      const last = page.at(-1);
      if (!last) return pages;
      pages.push(page.map((r) => r.id));
      cursor = { createdAt: last.created_at, id: last.id };
    }
  }

  it('reads nothing from a range without orders', async () => {
    await insertOrders(storage().db, [{ id: 'before', created_at: T0 - 1 }]);
    expect(await exports().next(ALL, null, 10)).toEqual([]);
    expect(await exports().next({ ...ALL, to: ALL.from }, null, 10)).toEqual([]);
  });

  it('reads a range page by page, each order once, oldest first, ties on time in byte order of id', async () => {
    // Byte order puts capitals before lower case and accented letters last; an en-US collation would not.
    await insertOrders(storage().db, [
      { id: 'éclair', created_at: T0 + 5 },
      { id: 'late', created_at: T0 + 9 },
      { id: 'apple', created_at: T0 + 5 },
      { id: 'Zed', created_at: T0 + 5 },
      { id: 'first', created_at: T0 },
      { id: 'Banana', created_at: T0 + 5 },
    ]);
    expect(await readAll(ALL, 2)).toEqual([
      ['first', 'Banana'],
      ['Zed', 'apple'],
      ['éclair', 'late'],
    ]);
    expect(await readAll(ALL, 500)).toEqual([['first', 'Banana', 'Zed', 'apple', 'éclair', 'late']]);
  });

  it('takes from inclusively and to exclusively, and one outlet when asked', async () => {
    await insertOrders(storage().db, [
      { id: 'at-from', created_at: T0 },
      { id: 'just-before-to', created_at: T0 + 9_999, outlet_id: 'o-2' },
      { id: 'at-to', created_at: T0 + 10_000 },
    ]);
    expect(await readAll(ALL, 10)).toEqual([['at-from', 'just-before-to']]);
    expect(await readAll({ ...ALL, outletId: OutletIdSchema.parse('o-2') }, 10)).toEqual([['just-before-to']]);
  });

  it('names the outlet and the driver where they are known, and leaves unknown columns null', async () => {
    const db = storage().db;
    await db.insertInto('outlets').values({ id: 'o-1', name: 'Dosa Corner 🥞', created_at: T0 }).execute();
    await db
      .insertInto('users')
      .values({ id: 'u-ravi', email: 'ravi@x.test', name: 'Ravi Kumar', role: 'driver', password_hash: 'x', created_at: T0 })
      .execute();
    await insertOrders(db, [
      {
        id: 'known',
        created_at: T0 + 1,
        driver_id: 'u-ravi',
        type: 'delivery',
        source: 'online',
        status: 'delivered',
        customer_name: 'Zoë Élan',
        customer_phone: '+91 98450 00001',
        // Past 2^31 minor units: BIGINT on PostgreSQL, read back as a number.
        total: 3_000_000_000,
        tax: 142_857_143,
        currency: 'INR',
        accepted_at: T0 + 2,
        prep_minutes: 15,
        ready_at: T0 + 3,
        picked_up_at: T0 + 4,
        finished_at: T0 + 5,
        promised_at: T0 + 6,
        late: 0,
        end_reason: null,
      },
      { id: 'unknown', created_at: T0 + 2, outlet_id: 'o-gone', driver_id: 'u-gone', status: 'cancelled', end_reason: 'Customer asked' },
    ]);
    expect(await exports().next(ALL, null, 10)).toEqual([
      {
        id: 'known',
        created_at: T0 + 1,
        outlet_id: 'o-1',
        outlet_name: 'Dosa Corner 🥞',
        type: 'delivery',
        source: 'online',
        status: 'delivered',
        customer_name: 'Zoë Élan',
        customer_phone: '+91 98450 00001',
        total: 3_000_000_000,
        tax: 142_857_143,
        currency: 'INR',
        driver_id: 'u-ravi',
        driver_name: 'Ravi Kumar',
        accepted_at: T0 + 2,
        prep_minutes: 15,
        ready_at: T0 + 3,
        picked_up_at: T0 + 4,
        finished_at: T0 + 5,
        promised_at: T0 + 6,
        late: 0,
        end_reason: null,
      },
      {
        id: 'unknown',
        created_at: T0 + 2,
        outlet_id: 'o-gone',
        outlet_name: null,
        type: null,
        source: null,
        status: 'cancelled',
        customer_name: null,
        customer_phone: null,
        total: null,
        tax: null,
        currency: null,
        driver_id: 'u-gone',
        driver_name: null,
        accepted_at: null,
        prep_minutes: null,
        ready_at: null,
        picked_up_at: null,
        finished_at: null,
        promised_at: null,
        late: null,
        end_reason: 'Customer asked',
      },
    ]);
  });

  it('carries on after its cursor when orders are written between pages: later ones are read, earlier ones shift nothing', async () => {
    const db = storage().db;
    await insertOrders(db, [
      { id: 'a', created_at: T0 + 1 },
      { id: 'c', created_at: T0 + 3 },
    ]);
    const first = await exports().next(ALL, null, 1);
    expect(first.map((r) => r.id)).toEqual(['a']);
    await insertOrders(db, [
      { id: 'before-cursor', created_at: T0 },
      { id: 'b', created_at: T0 + 1 },
    ]);
    const rest = await exports().next(ALL, { createdAt: T0 + 1, id: 'a' }, 10);
    expect(rest.map((r) => r.id)).toEqual(['b', 'c']);
  });
});
