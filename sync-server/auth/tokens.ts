import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sign, verify } from 'hono/jwt';
import { z } from 'zod';
import { TOKEN_REFUSALS, type TokenRefusal } from '../../shared/api/tokenRefusals';
import { OutletIdSchema, UserIdSchema } from '../../shared/ids';
import { fail, ok, type Result } from '../../shared/result';
import type { Actor } from '../../shared/roles';
import { ensurePrivateDir, PRIVATE_FILE_MODE, tightenIfPresent } from '../storage/privateFiles';
import type { AccountState } from '../storage/users';

/** Devices work offline for days; a token outlives a long weekend without signal. */
const TOKEN_TTL_SECONDS = 30 * 24 * 3600;

/** Tokens issued before token versions existed carry no `tv`: they stand for version 0. */
const subject = { sub: UserIdSchema, tv: z.number().int().min(0).default(0) };
const claimsSchema = z.discriminatedUnion('role', [
  z.object({ ...subject, role: z.literal('admin') }),
  z.object({ ...subject, role: z.literal('outlet'), outletId: OutletIdSchema }),
  z.object({ ...subject, role: z.literal('driver') }),
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
    tightenIfPresent(file);
    kept = fs.readFileSync(file, 'utf8').trim();
  } catch (err: unknown) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  if (kept !== null) {
    if (kept.length >= MIN_JWT_SECRET_LENGTH) return kept;
    throw new Error(
      `Invalid configuration:\n  ${file}: the JWT secret kept there is ${kept.length === 0 ? 'empty' : `${kept.length} characters long`}; ` +
        `it must be at least ${MIN_JWT_SECRET_LENGTH} characters. Delete the file to have a new one generated (every device signs in again), ` +
        'or set JWT_SECRET.',
    );
  }
  const secret = randomBytes(48).toString('base64url');
  ensurePrivateDir(dataDir);
  fs.writeFileSync(file, secret, { mode: PRIVATE_FILE_MODE, flag: 'wx' });
  return secret;
}

/** A verified token: whom it speaks for and the token version it was issued under. */
export interface Session {
  readonly actor: Actor;
  readonly tokenVersion: number;
}

/** Why a socket's sign-in is no longer good, or null while it is (always null for anonymous sockets). */
export type SessionCheck = () => Promise<TokenRefusal | null>;

export type Authentication = Result<Session, TokenRefusal>;

const refuseToken = (refusal: TokenRefusal) => fail(refusal, TOKEN_REFUSALS[refusal]);

/** The user's standing, looked up on every use of a token (UserRepo: one read by primary key). */
export interface AccountStates {
  accountState(userId: string): Promise<AccountState | null>;
}

/**
 * Issues bearer tokens and says whom one speaks for. A token is good while it is signed, unexpired,
 * its user exists and is enabled, and it carries the user's current token version (`tv`): a long
 * lifetime for devices offline for days, revocable at any time by raising the version.
 */
export class TokenService {
  constructor(
    private readonly secret: string,
    private readonly accounts: AccountStates,
  ) {}

  issue(actor: Actor, tokenVersion: number, now = Date.now()): Promise<string> {
    const iat = Math.floor(now / 1000);
    const base = { sub: actor.id, role: actor.role, tv: tokenVersion, iat, exp: iat + TOKEN_TTL_SECONDS };
    return sign(actor.role === 'outlet' ? { ...base, outletId: actor.outletId } : base, this.secret, 'HS256');
  }

  async authenticate(token: string | undefined | null): Promise<Authentication> {
    const session = await this.decode(token);
    if (!session) return refuseToken('invalid_token');
    const refusal = await this.recheck(session);
    return refusal ? refuseToken(refusal) : ok(session);
  }

  /** Why a session verified earlier (a socket's) is no longer good, or null while it is. */
  async recheck(session: Session): Promise<TokenRefusal | null> {
    const state = await this.accounts.accountState(session.actor.id);
    if (!state) return 'account_deleted';
    if (state.disabled) return 'account_disabled';
    return state.tokenVersion === session.tokenVersion ? null : 'session_revoked';
  }

  /** The actor a token speaks for now, or null for anything refused. */
  async verify(token: string | undefined | null): Promise<Actor | null> {
    const auth = await this.authenticate(token);
    return auth.ok ? auth.value.actor : null;
  }

  /** The signed claims, or null for anything missing, forged, expired or malformed. */
  private async decode(token: string | undefined | null): Promise<Session | null> {
    if (!token) return null;
    try {
      const claims = claimsSchema.safeParse(await verify(token, this.secret, 'HS256'));
      if (!claims.success) return null;
      const c = claims.data;
      const actor: Actor = c.role === 'outlet' ? { id: c.sub, role: c.role, outletId: c.outletId } : { id: c.sub, role: c.role };
      return { actor, tokenVersion: c.tv };
    } catch {
      return null;
    }
  }
}
