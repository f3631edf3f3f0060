import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DabbaServer } from '../../../sync-server/app';
import { postJsonFrom } from '../support/fromAddress';
import { errorOf, type JsonResponse } from '../support/http';
import { DEMO_PASSWORD, startTestServer } from '../support/server';

/** Generous hashing caps, so these tests see the attempt budgets and not the concurrency bound. */
const WIDE_HASHING = { DABBA_LOGIN_HASHES_PER_ADDRESS: '100', DABBA_LOGIN_HASHES: '100' };

const signIn = (server: DabbaServer, from: string, email: string, password: string): Promise<JsonResponse> =>
  postJsonFrom(from, `${server.url}/api/auth/login`, { email, password });

const statuses = (answers: readonly JsonResponse[]): number[] => answers.map((a) => a.status);
const count = (answers: readonly JsonResponse[], status: number): number => answers.filter((a) => a.status === status).length;

describe('sign-in throttling by address and account', () => {
  let server: DabbaServer;
  beforeAll(async () => {
    server = await startTestServer({ ...WIDE_HASHING, DABBA_LOGIN_FAILURES_PER_ACCOUNT: '10', DABBA_LOGIN_FAILURES_PER_ADDRESS: '25' });
  });
  afterAll(() => server.close());

  it('throttles a concurrent burst of wrong passwords from one address', async () => {
    const burst = await Promise.all(Array.from({ length: 30 }, (_, i) => signIn(server, '127.0.0.2', 'driver@dabba.local', `guess-${i}`)));
    expect(count(burst, 401)).toBe(10);
    expect(count(burst, 429)).toBe(20);
    for (const refused of burst.filter((a) => a.status === 429)) {
      expect(errorOf(refused)?.code).toBe('rate_limited');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });

  it('does not lock the owner out from another address while an attacker hammers the account', async () => {
    for (let i = 0; i < 15; i++) await signIn(server, '127.0.0.3', 'outlet@dabba.local', `guess-${i}`);
    expect((await signIn(server, '127.0.0.3', 'outlet@dabba.local', DEMO_PASSWORD)).status).toBe(429);
    const owner = await signIn(server, '127.0.0.4', 'outlet@dabba.local', DEMO_PASSWORD);
    expect(owner.status).toBe(200);
  });

  it('limits the failures one address may have over every account', async () => {
    const answers: JsonResponse[] = [];
    for (let i = 0; i < 26; i++) answers.push(await signIn(server, '127.0.0.5', `someone-${i}@dabba.local`, 'guess'));
    expect(statuses(answers.slice(0, 25))).toEqual(Array(25).fill(401));
    expect(answers[25]?.status).toBe(429);
    expect((await signIn(server, '127.0.0.6', 'someone-0@dabba.local', 'guess')).status).toBe(401);
  });

  it('does not count sign-ins with the right password against the address', async () => {
    for (let i = 0; i < 26; i++) expect((await signIn(server, '127.0.0.7', 'admin@dabba.local', DEMO_PASSWORD)).status).toBe(200);
    expect((await signIn(server, '127.0.0.7', 'admin@dabba.local', 'wrong')).status).toBe(401);
  });
});

describe('password hashing one address can cause', () => {
  let server: DabbaServer;
  beforeAll(async () => {
    server = await startTestServer({ DABBA_LOGIN_HASHES_PER_ADDRESS: '2', DABBA_LOGIN_HASHES: '3' });
  });
  afterAll(() => server.close());

  it('refuses sign-ins beyond the hashes one address may have running, with 429 and Retry-After', async () => {
    const burst = await Promise.all(Array.from({ length: 8 }, (_, i) => signIn(server, '127.0.0.8', `nobody-${i}@dabba.local`, 'guess')));
    expect(count(burst, 401)).toBeGreaterThanOrEqual(1);
    expect(count(burst, 401)).toBeLessThanOrEqual(4);
    const refused = burst.filter((a) => a.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(4);
    for (const a of refused) {
      expect(a.headers.get('retry-after')).toBe('1');
      expect(errorOf(a)).toEqual({ code: 'rate_limited', message: 'Too many sign-ins at once; try again in a moment.' });
    }
  });

  it('keeps hashing for other addresses within the server-wide bound', async () => {
    const answers = await Promise.all(
      ['127.0.0.9', '127.0.0.10', '127.0.0.11'].map((from) => signIn(server, from, 'admin@dabba.local', DEMO_PASSWORD)),
    );
    expect(statuses(answers)).toEqual([200, 200, 200]);
  });
});
