import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import type { AdminOrService } from '../auth/adminOrService';
import type { TokenService } from '../auth/tokens';
import { forbidden, unauthorized } from '../errors';
import { actorOfToken } from './bearer';

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/** Compares digests, so the time taken says nothing about how much of a guess was right. */
export const sameSecret = (a: string, b: string): boolean => timingSafeEqual(digest(a), digest(b));

/**
 * `Authorization: Bearer <DABBA_SERVICE_TOKEN>` (when the server has one) or `Bearer <admin JWT>`.
 * 401 without a valid credential, 403 for a signed-in user who is not an admin.
 */
export async function requireAdminOrService(c: Context, tokens: TokenService, serviceToken: string | null): Promise<AdminOrService> {
  const match = /^Bearer\s+(\S+)$/i.exec((c.req.header('Authorization') ?? '').trim());
  const presented = match?.[1];
  if (!presented) throw unauthorized('Send an admin token or the service token as "Authorization: Bearer …".');
  if (serviceToken !== null && sameSecret(presented, serviceToken)) return { kind: 'service' };
  const actor = await actorOfToken(tokens, presented);
  if (actor.role !== 'admin') throw forbidden('This API is for admins and services.');
  return { kind: 'admin', id: actor.id };
}
