import { Hono } from 'hono';
import type { LiveDevice, PresenceList } from '../../shared/api/presence';
import type { TokenService } from '../auth/tokens';
import { forbidden } from '../errors';
import type { Presence } from '../presence/presence';
import { requireActor } from './bearer';

/** Users together, each user's devices oldest connection first, so the list reads the same from any node. */
const byUserThenAge = (a: LiveDevice, b: LiveDevice): number =>
  a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : a.connectedAt - b.connectedAt;

/** `GET /api/presence` (admins): every signed-in socket on every node, or this node's alone while Redis is away. */
export function presenceRoutes(presence: Presence, tokens: TokenService): Hono {
  return new Hono().get('/', async (c) => {
    const actor = await requireActor(c, tokens);
    if (actor.role !== 'admin') throw forbidden('Who is online is for admins.');
    const devices = (await presence.list()).sort(byUserThenAge);
    c.header('Cache-Control', 'private, no-store');
    // Read after the list: a read that found Redis gone answers degraded, and says so.
    return c.json({ status: presence.status(), devices } satisfies PresenceList);
  });
}
