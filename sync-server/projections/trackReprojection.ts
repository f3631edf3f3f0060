import { z } from 'zod';
import { OrderIdSchema, type OrderId } from '../../shared/ids';
import type { Logger } from '../log';
import type { Db } from '../storage/db';

/**
 * The version of what a `track:` projection may hold. Version 2: the drop-off is a locality, never
 * the address text (projections of version 1 showed the customer's free text minus a door number).
 */
const TRACK_PROJECTION_VERSION = 2;
const META_KEY = 'track_projection_version';

const idRows = z.array(OrderIdSchema);
const versionRow = z.object({ value: z.coerce.number().int() }).optional();

/**
 * Rewrites every order's tracking projection once after an upgrade that narrowed what it may show,
 * so links shared before the upgrade stop showing what they no longer may. Runs in the background,
 * one order at a time; the version is recorded only once every order is done, so a crash resumes it.
 */
export async function reprojectTracksOnce(db: Db, refresh: (orderId: OrderId) => Promise<void>, log: Logger): Promise<number> {
  const stored = versionRow.parse(db.prepare('SELECT value FROM meta WHERE key = ?').get(META_KEY));
  if ((stored?.value ?? 1) >= TRACK_PROJECTION_VERSION) return 0;
  const ids = idRows.parse(db.prepare('SELECT id FROM orders ORDER BY created_at').pluck().all());
  for (const id of ids) await refresh(id);
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    META_KEY,
    String(TRACK_PROJECTION_VERSION),
  );
  if (ids.length > 0)
    log.info('rewrote tracking projections to the current version', { orders: ids.length, version: TRACK_PROJECTION_VERSION });
  return ids.length;
}
