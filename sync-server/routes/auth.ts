import { Hono } from 'hono';
import { z } from 'zod';
import type { Actor } from '../../shared/roles';
import { LoginThrottle, type LoginLimits } from '../auth/loginThrottle';
import { verifyPassword } from '../auth/passwords';
import type { TokenService } from '../auth/tokens';
import { AppError, forbidden, unauthorized } from '../errors';
import type { LimiterStore } from '../limits/limiterStore';
import { isDemoPassword } from '../seed/demoExposure';
import type { UserRepo } from '../storage/users';
import { BODY_LIMITS, limitBody } from './bodyLimit';
import { clientAddress } from './clientAddress';
import { jsonBody } from './validate';

const loginSchema = z.object({ email: z.string().trim().email().max(200), password: z.string().min(1).max(200) });

/** A hash to compare against when the email is unknown, so both paths take the same time. */
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/**
 * `demoLogins`: false refuses the public demo password for every account (a server reachable off loopback).
 * `counts`: where sign-in attempts are counted (shared by every node with Redis).
 */
export function authRoutes(users: UserRepo, tokens: TokenService, limits: LoginLimits, counts: LimiterStore, demoLogins: boolean): Hono {
  const throttle = new LoginThrottle(limits, counts);
  return new Hono().post('/login', limitBody(BODY_LIMITS.form), async (c) => {
    const { email, password } = await jsonBody(c, loginSchema);
    if (!demoLogins && isDemoPassword(password)) {
      throw new AppError(
        403,
        'demo_login_disabled',
        'The demo password is refused on a server reachable from the network (see DABBA_DEMO_PUBLIC).',
      );
    }
    const attempt = await throttle.begin(clientAddress(c), email);
    const user = await users.findByEmail(email);
    let ok: boolean;
    try {
      ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    } finally {
      attempt.end();
    }
    if (!user || !ok) throw unauthorized('Email or password is wrong.');
    await attempt.succeeded();
    if (user.disabled) throw forbidden('This account has been disabled; ask an admin.', 'account_disabled');
    const actor: Actor =
      user.role === 'outlet' && user.outletId
        ? { id: user.id, role: 'outlet', outletId: user.outletId }
        : user.role === 'admin'
          ? { id: user.id, role: 'admin' }
          : { id: user.id, role: 'driver' };
    const token = await tokens.issue(actor, user.tokenVersion);
    return c.json({
      token,
      user: { id: user.id, role: user.role, name: user.name, ...(user.outletId ? { outletId: user.outletId } : {}) },
    });
  });
}
