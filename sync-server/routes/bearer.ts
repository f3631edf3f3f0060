import type { Context } from 'hono';
import type { Actor } from '../../shared/roles';
import { refusalErrorCode, TOKEN_REFUSALS, type TokenRefusal } from '../../shared/api/tokenRefusals';
import type { TokenService } from '../auth/tokens';
import { AppError, forbidden, unauthorized } from '../errors';

/** The 401 for a refused token; codes other than `unauthorized` say the token was good once. */
const refused = (refusal: TokenRefusal): AppError => new AppError(401, refusalErrorCode(refusal), TOKEN_REFUSALS[refusal]);

/** The actor a presented token speaks for now; a 401 naming why otherwise. */
export async function actorOfToken(tokens: TokenService, token: string | undefined): Promise<Actor> {
  const auth = await tokens.authenticate(token);
  if (!auth.ok) throw refused(auth.error.code);
  return auth.value.actor;
}

/**
 * The actor of an `Authorization: Bearer <jwt>` header; null when there is no header.
 * A header that is there but not a valid token is a 401, never silently anonymous.
 */
export async function bearerActor(c: Context, tokens: TokenService): Promise<Actor | null> {
  const header = c.req.header('Authorization');
  if (header === undefined) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return actorOfToken(tokens, match?.[1]);
}

/** The signed-in actor; a 401 without one. */
export async function requireActor(c: Context, tokens: TokenService): Promise<Actor> {
  const actor = await bearerActor(c, tokens);
  if (!actor) throw unauthorized();
  return actor;
}

/** The signed-in admin; a 401 without a valid token, a 403 for any other role. */
export async function requireAdmin(c: Context, tokens: TokenService, what = 'This'): Promise<Extract<Actor, { role: 'admin' }>> {
  const actor = await requireActor(c, tokens);
  if (actor.role !== 'admin') throw forbidden(`${what} is for admins.`);
  return actor;
}
