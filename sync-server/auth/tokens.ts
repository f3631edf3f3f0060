import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sign, verify } from 'hono/jwt';
import { z } from 'zod';
import { OutletIdSchema, UserIdSchema } from '../../shared/ids';
import type { Actor } from '../../shared/roles';

/** Devices work offline for days; a token outlives a long weekend without signal. */
const TOKEN_TTL_SECONDS = 30 * 24 * 3600;

const claimsSchema = z.discriminatedUnion('role', [
  z.object({ sub: UserIdSchema, role: z.literal('admin') }),
  z.object({ sub: UserIdSchema, role: z.literal('outlet'), outletId: OutletIdSchema }),
  z.object({ sub: UserIdSchema, role: z.literal('driver') }),
]);

/** The shortest signing secret the server accepts, from JWT_SECRET or from DATA_DIR/jwt-secret. */
export const MIN_JWT_SECRET_LENGTH = 32;

/**
 * JWT_SECRET from the environment, or one generated on first start and kept in DATA_DIR.
 * A kept secret that is empty or short stops the server: tokens signed with it could be forged.
 */
export function resolveJwtSecret(configured: string | null, dataDir: string): string {
  if (configured) return configured;
  const file = path.join(dataDir, 'jwt-secret');
  let kept: string | null = null;
  try {
    kept = fs.readFileSync(file, 'utf8').trim();
  } catch (err: unknown) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  if (kept !== null) {
    if (kept.length >= MIN_JWT_SECRET_LENGTH) return kept;
    throw new Error(
      `Invalid configuration:\n  ${file}: the JWT secret kept there is ${kept.length === 0 ? 'empty' : `${kept.length} characters long`}; `
      + `it must be at least ${MIN_JWT_SECRET_LENGTH} characters. Delete the file to have a new one generated (every device signs in again), `
      + 'or set JWT_SECRET.',
    );
  }
  const secret = randomBytes(48).toString('base64url');
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
  return secret;
}

export class TokenService {
  constructor(private readonly secret: string) {}

  issue(actor: Actor, now = Date.now()): Promise<string> {
    const iat = Math.floor(now / 1000);
    const base = { sub: actor.id, role: actor.role, iat, exp: iat + TOKEN_TTL_SECONDS };
    return sign(actor.role === 'outlet' ? { ...base, outletId: actor.outletId } : base, this.secret, 'HS256');
  }

  /** The actor a token speaks for, or null for anything missing, forged, expired or malformed. */
  async verify(token: string | undefined | null): Promise<Actor | null> {
    if (!token) return null;
    try {
      const payload = await verify(token, this.secret, 'HS256');
      const claims = claimsSchema.safeParse(payload);
      if (!claims.success) return null;
      const c = claims.data;
      return c.role === 'outlet' ? { id: c.sub, role: c.role, outletId: c.outletId } : { id: c.sub, role: c.role };
    } catch {
      return null;
    }
  }
}
