import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { OrderIndex } from '../../../sync-server/storage/orderIndex';
import { insertOrderRow } from '../support/orderRows';
import { queryPlans } from '../support/queryPlans';
import { DIALECTS, useTestStorage, type Dialect } from '../support/sqlStorage';

describe.each(DIALECTS)('card orders waiting for their payment, on %s', (dialect: Dialect) => {
  const storage = useTestStorage(dialect);
  const T = 1_700_000_000_000;

  it('lists only the orders still awaiting payment placed by the time asked, oldest first, by their own index', async () => {
    const db = storage().db;
    // Months of finished orders, which the question must not read.
    const past = Array.from({ length: 3_000 }, (_, i) => ({
      id: `past-${i}`,
      outlet_id: 'demo-outlet',
      tracking_token: `past-token-${i}`,
      status: i % 10 === 0 ? 'cancelled' : 'delivered',
      type: 'delivery',
      created_at: T - (i + 1) * 60_000,
      updated_at: T - (i + 1) * 60_000,
    }));
    for (let from = 0; from < past.length; from += 500)
      await db
        .insertInto('orders')
        .values(past.slice(from, from + 500))
        .execute();
    const newer = await insertOrderRow(db, { status: 'awaiting_payment', created_at: T + 2000 });
    const older = await insertOrderRow(db, { status: 'awaiting_payment', created_at: T + 1000 });
    await insertOrderRow(db, { status: 'awaiting_payment', created_at: T + 5000 });
    await insertOrderRow(db, { status: 'placed', created_at: T });
    await sql`ANALYZE`.execute(db);

    expect((await new OrderIndex(db).awaitingPaymentSince(T + 2000)).map((r) => r.id)).toEqual([older, newer]);
    const plans = await queryPlans(db, dialect, (planned) => new OrderIndex(planned).awaitingPaymentSince(T));
    expect(plans).toEqual([expect.stringContaining('orders_awaiting_payment')]);
  });
});
