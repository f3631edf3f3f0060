import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../../../sync-server/storage/sql/schema';
import { isSet } from '../../../../sync-server/storage/sql/values';
import { DIALECTS, useTestStorage, type Dialect } from '../../support/sqlStorage';

/** 2100-01-01 plus a little: past 2^31 and 2^32, so it needs 64 bits, yet far below 2^53. */
const FAR_EPOCH_MS = Date.UTC(2100, 0, 1) + 123;
const YJS_CLIENT_MAX = 0xffff_ffff;

describe.each(DIALECTS)('column values on %s', (dialect: Dialect) => {
  const storage = useTestStorage(dialect, 'describe');
  const db = (): Kysely<Database> => storage().db;

  it('a blob holding every byte value comes back byte for byte', async () => {
    const data = Uint8Array.from({ length: 256 }, (_, i) => i);
    await db().insertInto('doc_updates').values({ doc: 'order:bytes', seq: 1, data }).execute();
    const row = await db().selectFrom('doc_updates').select('data').where('doc', '=', 'order:bytes').executeTakeFirstOrThrow();
    expect(row.data).toBeInstanceOf(Uint8Array);
    expect(Array.from(row.data)).toEqual(Array.from(data));
  });

  it('an epoch ms and a Yjs client id past 2^31 come back as the same JS numbers, and so do COUNT and SUM over them', async () => {
    await db().insertInto('outlets').values({ id: 'far', name: 'Far', created_at: FAR_EPOCH_MS }).execute();
    await db().insertInto('doc_clients').values({ doc: 'order:far', client: YJS_CLIENT_MAX, owner: '@server' }).execute();
    expect(await db().selectFrom('outlets').select('created_at').where('id', '=', 'far').executeTakeFirstOrThrow()).toEqual({
      created_at: FAR_EPOCH_MS,
    });
    expect(await db().selectFrom('doc_clients').select('client').where('doc', '=', 'order:far').executeTakeFirstOrThrow()).toEqual({
      client: YJS_CLIENT_MAX,
    });
    const totals = await db()
      .selectFrom('outlets')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('created_at').as('sum')])
      .where('id', '=', 'far')
      .executeTakeFirstOrThrow();
    expect(totals).toEqual({ n: 1, sum: FAR_EPOCH_MS });
  });

  it('text with emoji, accents and joined sequences comes back unchanged', async () => {
    const name = '🍛 Thali — café “Ñandú” 👩🏽‍🍳';
    await db().insertInto('outlets').values({ id: 'emoji', name, created_at: 1 }).execute();
    expect(await db().selectFrom('outlets').select('name').where('id', '=', 'emoji').executeTakeFirstOrThrow()).toEqual({ name });
  });

  it('a REAL keeps its digits', async () => {
    await db()
      .insertInto('breadcrumbs')
      .values({ driver_id: 'd1', lat: 12.971598765432, lng: -77.594562, at: FAR_EPOCH_MS, received_at: 1 })
      .execute();
    expect(await db().selectFrom('breadcrumbs').select(['lat', 'lng', 'accuracy']).executeTakeFirstOrThrow()).toEqual({
      lat: 12.971598765432,
      lng: -77.594562,
      accuracy: null,
    });
  });

  it('emails are unique whatever their case, and found by any case', async () => {
    const user = { name: 'Asha', role: 'admin', password_hash: 'h', created_at: 1 } as const;
    await db()
      .insertInto('users')
      .values({ ...user, id: 'asha', email: 'Asha@Example.com' })
      .execute();
    await expect(
      db()
        .insertInto('users')
        .values({ ...user, id: 'asha2', email: 'asha@EXAMPLE.com' })
        .execute(),
    ).rejects.toThrow(/unique/i);
    expect(await db().selectFrom('users').select('id').where('email', '=', 'ASHA@example.COM').execute()).toEqual([{ id: 'asha' }]);
  });

  it('columns with defaults get them, and flags read back as numbers', async () => {
    await db()
      .insertInto('users')
      .values({ id: 'ravi', email: 'ravi@x', name: 'Ravi', role: 'driver', password_hash: 'h', created_at: 1 })
      .execute();
    await db().insertInto('drivers').values({ user_id: 'ravi', phone: '', shift_changed_at: FAR_EPOCH_MS }).execute();
    const row = await db()
      .selectFrom('drivers')
      .innerJoin('users', 'users.id', 'drivers.user_id')
      .select(['capacity', 'on_shift', 'position_declared', 'disabled', 'token_version'])
      .where('user_id', '=', 'ravi')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ capacity: 2, on_shift: 0, position_declared: 0, disabled: 0, token_version: 0 });
    expect(isSet(row.on_shift)).toBe(false);
  });

  it('refuses what a CHECK constraint rules out and a row pointing at nothing', async () => {
    await expect(
      sql`INSERT INTO users (id, email, name, role, password_hash, created_at) VALUES ('chef', 'chef@x', 'Chef', 'chef', 'h', 1)`.execute(
        db(),
      ),
    ).rejects.toThrow(/check/i);
    await expect(
      db().insertInto('idempotency_keys').values({ key: 'k', request_hash: 'h', order_id: 'no-such-order', created_at: 1 }).execute(),
    ).rejects.toThrow(/foreign key/i);
  });
});

describe('PostgreSQL integers', () => {
  const storage = useTestStorage('postgres', 'describe');

  it('a BIGINT or whole NUMERIC past 2^53 fails the query instead of coming back rounded', async () => {
    await expect(sql`SELECT 9007199254740993::bigint AS n`.execute(storage().db)).rejects.toThrow(/beyond what a JS number holds/);
    await expect(sql`SELECT 9007199254740993::numeric AS n`.execute(storage().db)).rejects.toThrow(/beyond what a JS number holds/);
    expect((await sql`SELECT 9007199254740991::bigint AS n, 2.5::numeric AS half`.execute(storage().db)).rows).toEqual([
      { n: Number.MAX_SAFE_INTEGER, half: 2.5 },
    ]);
  });
});
