import { verifyPassword } from '../auth/passwords';
import type { UserRepo } from '../storage/users';
import { DEMO_EMAILS, DEMO_PASSWORD } from './seedDemo';

/** Whether listening on `host` reaches this machine only (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h === '::1' || /^(?:::ffff:)?127(?:\.\d{1,3}){3}$/.test(h);
}

/** Whether a login uses the demo password, the one everyone who read the README knows (compared as scrypt sees it). */
export const isDemoPassword = (password: string): boolean => password.normalize('NFKC') === DEMO_PASSWORD;

/** The demo accounts that still sign in with the demo password. */
export async function demoAccountsInUse(users: UserRepo): Promise<string[]> {
  const inUse: string[] = [];
  for (const email of DEMO_EMAILS) {
    const user = await users.findByEmail(email);
    if (user && (await verifyPassword(DEMO_PASSWORD, user.passwordHash))) inUse.push(email);
  }
  return inUse;
}

export interface DemoExposure {
  readonly host: string;
  /** DABBA_DEMO_PUBLIC=1: the operator asked for demo logins off loopback. */
  readonly demoPublic: boolean;
  /** Demo accounts that exist with the demo password, or are about to be seeded. */
  readonly accounts: readonly string[];
}

/** Demo-password logins are taken on a loopback-only server, or anywhere when asked for explicitly. */
export const demoLoginsAllowed = (e: Pick<DemoExposure, 'host' | 'demoPublic'>): boolean => isLoopbackHost(e.host) || e.demoPublic;

/** The stderr banner for a server that listens beyond this machine with demo accounts in it; null when there is nothing to say. */
export function demoBanner(e: DemoExposure): string | null {
  if (isLoopbackHost(e.host) || e.accounts.length === 0) return null;
  const who = `${e.accounts.join(', ')} (password "${DEMO_PASSWORD}")`;
  const lines = e.demoPublic
    ? [
        'WARNING: DEMO ACCOUNTS ARE OPEN TO THE NETWORK',
        `HOST=${e.host} is not loopback and DABBA_DEMO_PUBLIC=1 is set: anyone who can reach this`,
        `server can sign in as ${who}, admin included.`,
        'Unset DABBA_DEMO_PUBLIC (or use HOST=127.0.0.1) unless this network is yours alone.',
      ]
    : [
        'DEMO LOGINS ARE DISABLED: this server listens beyond this machine',
        `HOST=${e.host} is not loopback, so signing in with the demo password is refused for`,
        `${who}.`,
        'To try the demo, start with HOST=127.0.0.1 (the default); to show it on your network on',
        'purpose, set DABBA_DEMO_PUBLIC=1. For real use, start with DABBA_DEMO=0 on an empty DATA_DIR.',
      ];
  const rule = '='.repeat(Math.max(...lines.map((l) => l.length)) + 4);
  return [rule, ...lines.map((l) => `  ${l}`), rule, ''].join('\n');
}
