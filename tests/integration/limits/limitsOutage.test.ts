import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DabbaServer } from '../../../sync-server/app';
import { platformSchema } from '../../../shared/api/adminPlatform';
import { login, PICKUP_ORDER } from '../support/api';
import { postJsonFrom } from '../support/fromAddress';
import { getJson } from '../support/http';
import { pollUntil } from '../support/poll';
import { RedisChild } from '../support/redisServer';
import { DEMO_PASSWORD, startTestServer } from '../support/server';

let redis: RedisChild;
let a: DabbaServer;
let b: DabbaServer;

beforeAll(async () => {
  redis = await RedisChild.start();
  const env = {
    REDIS_URL: redis.url,
    DABBA_REDIS_PREFIX: 'dabba-limits-outage-test:',
    DABBA_LOGIN_FAILURES_PER_ACCOUNT: '3',
    DABBA_LOGIN_HASHES_PER_ADDRESS: '100',
    DABBA_LOGIN_HASHES: '100',
  };
  a = await startTestServer({ ...env, DABBA_NODE_ID: 'node-a' });
  b = await startTestServer({ ...env, DABBA_NODE_ID: 'node-b' });
});
afterAll(async () => {
  await Promise.all([a.close(), b.close()]);
  await redis.stop();
});

const limitsOf = async (node: DabbaServer): Promise<string> => (await getJson<{ limits: string }>(`${node.url}/healthz`)).body.limits;
const bothReport = async (): Promise<string[]> => [await limitsOf(a), await limitsOf(b)];
const signIn = async (node: DabbaServer, from: string, email: string, password: string): Promise<number> =>
  (await postJsonFrom(from, `${node.url}/api/auth/login`, { email, password })).status;

describe('rate limits while Redis is down', () => {
  it('keep sign-ins and orders working with limits counted per node, and are shared again once Redis is back', async () => {
    expect(await bothReport()).toEqual(['ok', 'ok']);

    await redis.stop();
    await pollUntil(bothReport, (s) => s.every((x) => x === 'degraded'), 'both nodes to report limits degraded');
    // Admins see it on Platform health too, not only whoever reads /healthz.
    const admin = await login(a.url, 'admin');
    const platform = platformSchema.parse((await getJson(`${a.url}/api/admin/platform`, { token: admin.token })).body);
    expect(platform.limits).toBe('degraded');
    // Still serving: a right password signs in, an order is placed.
    expect(await signIn(a, '127.0.0.3', 'outlet@dabba.local', DEMO_PASSWORD)).toBe(200);
    expect((await postJsonFrom('127.0.0.3', `${b.url}/api/orders`, PICKUP_ORDER)).status).toBe(201);
    // Still limited, but each node counts alone: 3 failures on a lock the account on a only.
    const onA = [];
    for (let i = 0; i < 4; i++) onA.push(await signIn(a, '127.0.0.4', 'driver@dabba.local', `guess-${i}`));
    expect(onA).toEqual([401, 401, 401, 429]);
    expect(await signIn(b, '127.0.0.4', 'driver@dabba.local', 'guess')).toBe(401);

    // An empty Redis on the same port: both nodes count in it again, together.
    await redis.restart();
    await pollUntil(bothReport, (s) => s.every((x) => x === 'ok'), 'both nodes to report limits ok again');
    const split = [];
    for (const node of [a, b, a, b]) split.push(await signIn(node, '127.0.0.5', 'driver@dabba.local', 'guess'));
    expect(split).toEqual([401, 401, 401, 429]);
  });
});
