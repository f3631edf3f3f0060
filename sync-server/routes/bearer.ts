import type { Context } from 'hono';
import type { Actor } from '../../shared/roles';
import type { TokenService } from '../auth/tokens';
import { unauthorized } from '../errors';

/**
 * The actor of an `Authorization: Bearer <jwt>` header; null when there is no header.
 * A header that is there but not a valid token is a 401, never silently anonymous.
 */
export async function bearerActor(c: Context, tokens: TokenService): Promise<Actor | null> {
  const header = c.req.header('Authorization');
  if (header === undefined) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  const actor = match ? await tokens.verify(match[1]) : null;
  if (!actor) throw unauthorized('The sign-in has expired or is not valid; sign in again.');
  return actor;
}

/** The signed-in actor; a 401 without one. */
export async function requireActor(c: Context, tokens: TokenService): Promise<Actor> {
  const actor = await bearerActor(c, tokens);
  if (!actor) throw unauthorized();
  return actor;
}
