import type { Kysely } from 'kysely';
import { z } from 'zod';
import { OrderIdSchema, type OrderId } from '../../shared/ids';
import type { Logger } from '../log';
import type { Database } from '../storage/sql/schema';

/**
 * The version of what a `track:` projection may hold. Version 2: the drop-off is a locality, never
 * the address text (projections of version 1 showed the customer's free text minus a door number).
 */
const TRACK_PROJECTION_VERSION = 2;
const META_KEY = 'track_projection_version';

const storedVersion = z.coerce.number().int();

/**
 * Rewrites every order's tracking projection once after an upgrade that narrowed what it may show,
 * so links shared before the upgrade stop showing what they no longer may. Runs in the background,
 * one order at a time, oldest first; the version is recorded only once every order is done, so a crash
 * resumes it.
 */
export async function reprojectTracksOnce(
  db: Kysely<Database>,
  refresh: (orderId: OrderId) => Promise<void>,
  log: Logger,
): Promise<number> {
  const stored = await db.selectFrom('meta').select('value').where('key', '=', META_KEY).executeTakeFirst();
  if ((stored ? storedVersion.parse(stored.value) : 1) >= TRACK_PROJECTION_VERSION) return 0;
  const rows = await db.selectFrom('orders').select('id').orderBy('created_at').orderBy('id').execute();
  const ids = rows.map((r) => OrderIdSchema.parse(r.id));
  for (const id of ids) await refresh(id);
  await db
    .insertInto('meta')
    .values({ key: META_KEY, value: String(TRACK_PROJECTION_VERSION) })
    .onConflict((conflict) => conflict.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })))
    .execute();
  if (ids.length > 0)
    log.info('rewrote tracking projections to the current version', { orders: ids.length, version: TRACK_PROJECTION_VERSION });
  return ids.length;
}
