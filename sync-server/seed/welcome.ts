import type { Kysely } from 'kysely';
import type { Database } from '../storage/sql/schema';
import { UserRepo } from '../storage/users';
import { demoAccountsInUse, demoLoginsAllowed, type DemoExposure } from './demoExposure';
import { DEMO_PASSWORD } from './seedDemo';

const PLACES = [
  ['Order food', '/order/'],
  ['Outlet tablet', '/outlet/'],
  ['Driver app', '/driver/'],
  ['Admin desk', '/admin/'],
] as const;

/**
 * What `npm start` prints once it listens: where each app is, and the demo accounts someone trying Dabba
 * can sign in with (only those that still have the demo password and may use it here).
 */
export function welcomeText(url: string, demoAccounts: readonly string[]): string {
  const width = Math.max(...PLACES.map(([name]) => name.length), 'Tracking links'.length) + 2;
  const lines = [
    `Dabba is running at ${url}/`,
    ...PLACES.map(([name, path]) => `  ${name.padEnd(width)}${url}${path}`),
    `  ${'Tracking links'.padEnd(width)}${url}/track/<token> (each order's own, given when it is placed)`,
  ];
  if (demoAccounts.length > 0) lines.push(`Demo accounts (password "${DEMO_PASSWORD}"): ${demoAccounts.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

/** The welcome for this server: demo accounts are named only where demo logins are taken. */
export async function welcomeFor(url: string, sql: Kysely<Database>, exposure: Omit<DemoExposure, 'accounts'>): Promise<string> {
  const accounts = demoLoginsAllowed(exposure) ? await demoAccountsInUse(new UserRepo(sql)) : [];
  return welcomeText(url, accounts);
}
