import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { trackDocName } from '../../../shared/docNames';
import { newTrackingToken } from '../../../shared/ids';
import { CloseCode } from '../../../shared/protocol/closeCodes';
import type { DabbaServer } from '../../../sync-server/app';
import { PICKUP_ORDER } from '../support/api';
import { postJsonFrom } from '../support/fromAddress';
import { errorOf, getJson, type JsonResponse } from '../support/http';
import { MuxTestClient } from '../support/muxClient';
import { SHARED_REDIS, useRedisPrefixes } from '../support/redisPrefixes';
import { DEMO_PASSWORD, startTestServer } from '../support/server';

/** Generous hashing caps, so these tests see the attempt budgets and not the per-node concurrency bound. */
const WIDE_HASHING = { DABBA_LOGIN_HASHES_PER_ADDRESS: '100', DABBA_LOGIN_HASHES: '100' };

const testPrefix = useRedisPrefixes();
const servers: DabbaServer[] = [];
const sockets: MuxTestClient[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** Two nodes on the shared Redis, under a prefix of this test's own: what a load balancer spreads requests over. */
async function twoNodes(env: Record<string, string>): Promise<[DabbaServer, DabbaServer]> {
  const shared = { REDIS_URL: SHARED_REDIS, DABBA_REDIS_PREFIX: testPrefix(), ...env };
  const a = await startTestServer({ ...shared, DABBA_NODE_ID: 'node-a' });
  servers.push(a);
  const b = await startTestServer({ ...shared, DABBA_NODE_ID: 'node-b' });
  servers.push(b);
  return [a, b];
}

const signIn = (server: DabbaServer, from: string, email: string, password: string): Promise<JsonResponse> =>
  postJsonFrom(from, `${server.url}/api/auth/login`, { email, password });
const count = (answers: readonly JsonResponse[], status: number): number => answers.filter((a) => a.status === status).length;

describe('sign-in throttling over two nodes on one Redis', () => {
  it('counts wrong passwords sent to either node together: 5 on each lock the account as 10 on one would', async () => {
    const [a, b] = await twoNodes({ ...WIDE_HASHING, DABBA_LOGIN_FAILURES_PER_ACCOUNT: '10' });
    for (let i = 0; i < 5; i++) {
      expect((await signIn(a, '127.0.0.2', 'driver@dabba.local', `guess-a${i}`)).status).toBe(401);
      expect((await signIn(b, '127.0.0.2', 'driver@dabba.local', `guess-b${i}`)).status).toBe(401);
    }
    for (const node of [a, b]) {
      const locked = await signIn(node, '127.0.0.2', 'driver@dabba.local', DEMO_PASSWORD);
      expect(locked.status).toBe(429);
      expect(errorOf(locked)?.code).toBe('rate_limited');
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
    }
    // Still per (address, account): the owner elsewhere is not locked out.
    expect((await signIn(b, '127.0.0.3', 'driver@dabba.local', DEMO_PASSWORD)).status).toBe(200);
  });

  it('judges a concurrent burst split over both nodes as a whole: 30 wrong passwords at once, 10 × 401', async () => {
    const [a, b] = await twoNodes({ ...WIDE_HASHING, DABBA_LOGIN_FAILURES_PER_ACCOUNT: '10' });
    const burst = await Promise.all(
      Array.from({ length: 30 }, (_, i) => signIn(i % 2 === 0 ? a : b, '127.0.0.4', 'outlet@dabba.local', `guess-${i}`)),
    );
    expect(count(burst, 401)).toBe(10);
    expect(count(burst, 429)).toBe(20);
  });

  it('counts the failures of one address over every account on both nodes', async () => {
    const [a, b] = await twoNodes({ ...WIDE_HASHING, DABBA_LOGIN_FAILURES_PER_ADDRESS: '6' });
    const answers: number[] = [];
    for (let i = 0; i < 7; i++) answers.push((await signIn(i % 2 === 0 ? a : b, '127.0.0.5', `someone-${i}@dabba.local`, 'guess')).status);
    expect(answers).toEqual([401, 401, 401, 401, 401, 401, 429]);
  });
});

describe('per-address HTTP limits over two nodes on one Redis', () => {
  it('shares the order budget: 3 a minute is 3 over both nodes, not 3 on each', async () => {
    const [a, b] = await twoNodes({ DABBA_ORDERS_PER_MINUTE: '3' });
    const place = (node: DabbaServer) => postJsonFrom('127.0.0.6', `${node.url}/api/orders`, PICKUP_ORDER);
    const answers: JsonResponse[] = [];
    for (const node of [a, b, a, b, a]) answers.push(await place(node));
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201, 429, 429]);
    expect(Number(answers[3]?.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another address has a budget of its own.
    expect((await postJsonFrom('127.0.0.7', `${b.url}/api/orders`, PICKUP_ORDER)).status).toBe(201);
  });

  it('shares the tracking-lookup budget: guesses over HTTP and sockets on either node spend one budget', async () => {
    const [a, b] = await twoNodes({ DABBA_TRACK_LOOKUPS_PER_MINUTE: '4' });
    const overHttp = async (node: DabbaServer) => (await getJson(`${node.url}/api/track/${newTrackingToken()}`)).status;
    const page = await anonymousSocket(a);
    const overSocket = async () => {
      const answer = await page.subscribe(trackDocName(newTrackingToken()));
      return answer instanceof Y.Doc ? 'opened' : answer.code;
    };
    expect([await overHttp(a), await overHttp(b), await overSocket(), await overHttp(b)]).toEqual([404, 404, 'not_found', 404]);
    expect([await overHttp(a), await overHttp(b), await overSocket()]).toEqual([429, 429, 'rate_limited']);
  });

  it('shares the budget of sockets without a token: 2 a minute is 2 over both nodes', async () => {
    const [a, b] = await twoNodes({ DABBA_ANONYMOUS_SOCKETS_PER_MINUTE: '2' });
    await anonymousSocket(a);
    await anonymousSocket(b);
    for (const node of [a, b]) expect(await closeCodeWithin(await anonymousSocket(node), 5_000)).toBe(CloseCode.ABUSE);
  });
});

/** The code the server closed `socket` with, or 'open' if it did not within `ms`. */
function closeCodeWithin(socket: MuxTestClient, ms: number): Promise<number | 'open'> {
  return Promise.race([socket.closed(), new Promise<'open'>((resolve) => setTimeout(() => resolve('open'), ms))]);
}

/** A tracking page's socket (no token), closed after the test. */
async function anonymousSocket(node: DabbaServer): Promise<MuxTestClient> {
  const socket = await MuxTestClient.connect(node.url, null);
  sockets.push(socket);
  return socket;
}
