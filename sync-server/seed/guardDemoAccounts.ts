import type { UserRepo } from '../storage/users';
import { demoAccountsInUse, demoBanner, isLoopbackHost, type DemoExposure } from './demoExposure';

/**
 * At start on a non-loopback host: revokes the demo accounts' sessions when demo logins are locked, and
 * prints the banner naming demo accounts still in use.
 */
export async function guardDemoAccounts(config: Omit<DemoExposure, 'accounts'>, users: UserRepo, demoLogins: boolean): Promise<void> {
  if (isLoopbackHost(config.host)) return;
  const inUse = await demoAccountsInUse(users);
  // Tokens a demo account got while the server was loopback-only must not outlive the lock either.
  if (!demoLogins) {
    for (const email of inUse) {
      const user = await users.findByEmail(email);
      if (user) await users.revokeSessions(user.id);
    }
  }
  const banner = demoBanner({ host: config.host, demoPublic: config.demoPublic, accounts: inUse });
  // Not through the logger: LOG_LEVEL must not be able to hide it.
  if (banner) process.stderr.write(banner);
}
