import { Hono } from 'hono';
import type { LiveDevice, PresenceList } from '../../shared/api/presence';
import { unsyncedReportSchema } from '../../shared/api/unsyncedReport';
import type { TokenService } from '../auth/tokens';
import { forbidden } from '../errors';
import type { Presence } from '../presence/presence';
import { requireActor } from './bearer';
import { BODY_LIMITS, limitBody } from './bodyLimit';
import { jsonBody } from './validate';

/** Users together, each user's devices oldest connection first, so the list reads the same from any node. */
const byUserThenAge = (a: LiveDevice, b: LiveDevice): number =>
  a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : a.connectedAt - b.connectedAt;

/**
 * `GET /` (admins): every signed-in socket on every node, or this node's alone while Redis is away.
 * `PUT /unsynced` (outlet staff): how old the device's oldest change the server has not received is
 * (shared/api/unsyncedReport.ts), kept as that device's report for the platform reading → 204.
 */
export function presenceRoutes(presence: Presence, tokens: TokenService): Hono {
  return new Hono()
    .get('/', async (c) => {
      const actor = await requireActor(c, tokens);
      if (actor.role !== 'admin') throw forbidden('Who is online is for admins.');
      const devices = (await presence.list()).sort(byUserThenAge);
      c.header('Cache-Control', 'private, no-store');
      // Read after the list: a read that found Redis gone answers degraded, and says so.
      return c.json({ status: presence.status(), devices } satisfies PresenceList);
    })
    .put('/unsynced', limitBody(BODY_LIMITS.form), async (c) => {
      const actor = await requireActor(c, tokens);
      if (actor.role !== 'outlet') throw forbidden('Only outlet devices report their unsynced changes.');
      const report = await jsonBody(c, unsyncedReportSchema);
      presence.reportUnsynced({ deviceId: report.deviceId, outletId: actor.outletId }, report.oldestAgeMs);
      return c.body(null, 204);
    });
}
