import { Hono } from 'hono';
import { z } from 'zod';
import type { Actor } from '../../shared/roles';
import { verifyPassword } from '../auth/passwords';
import type { TokenService } from '../auth/tokens';
import { AppError, unauthorized } from '../errors';
import { isDemoPassword } from '../seed/demoExposure';
import type { UserRepo } from '../storage/users';
import { RateLimiter } from './rateLimit';
import { jsonBody } from './validate';

const loginSchema = z.object({ email: z.string().trim().email().max(200), password: z.string().min(1).max(200) });

/** A hash to compare against when the email is unknown, so both paths take the same time. */
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** `demoLogins`: false refuses the public demo password for every account (a server reachable off loopback). */
export function authRoutes(users: UserRepo, tokens: TokenService, demoLogins: boolean): Hono {
  const failures = new RateLimiter(10, 60_000);
  return new Hono().post('/login', async (c) => {
    const { email, password } = await jsonBody(c, loginSchema);
    if (!demoLogins && isDemoPassword(password)) {
      throw new AppError(403, 'demo_login_disabled', 'The demo password is refused on a server reachable from the network (see DABBA_DEMO_PUBLIC).');
    }
    const key = email.toLowerCase();
    failures.assertUnder(key);
    const user = users.findByEmail(email);
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok) {
      failures.record(key);
      throw unauthorized('Email or password is wrong.');
    }
    const actor: Actor = user.role === 'outlet' && user.outletId
      ? { id: user.id, role: 'outlet', outletId: user.outletId }
      : user.role === 'admin' ? { id: user.id, role: 'admin' } : { id: user.id, role: 'driver' };
    const token = await tokens.issue(actor);
    return c.json({ token, user: { id: user.id, role: user.role, name: user.name, ...(user.outletId ? { outletId: user.outletId } : {}) } });
  });
}
