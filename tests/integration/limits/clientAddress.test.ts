import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { PROTOCOL_VERSION } from '../../../shared/protocol/version';
import { CloseCode } from '../../../shared/protocol/closeCodes';
import type { DabbaServer } from '../../../sync-server/app';
import { startTestServer } from '../support/server';

/** Wide hashing caps and 3 failures per address: these tests see the address budget and nothing else. */
const LOGIN_LIMITS = { DABBA_LOGIN_HASHES_PER_ADDRESS: '100', DABBA_LOGIN_HASHES: '100', DABBA_LOGIN_FAILURES_PER_ADDRESS: '3' };
const SOCKET_LIMITS = { DABBA_ANONYMOUS_SOCKETS_PER_MINUTE: '2' };
const TRUSTED = { DABBA_TRUST_PROXY: '1' };

const servers: DabbaServer[] = [];
const sockets: WebSocket[] = [];
afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start(env: Record<string, string>): Promise<DabbaServer> {
  const server = await startTestServer(env);
  servers.push(server);
  return server;
}

/** A wrong password for a different account each time (so only the address budget can refuse), with X-Forwarded-For. */
let attempt = 0;
async function wrongSignIn(server: DabbaServer, forwardedFor: string): Promise<number> {
  attempt += 1;
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ email: `nobody-${attempt}@dabba.local`, password: 'guess' }),
  });
  await res.body?.cancel();
  return res.status;
}

/** A tracking page's socket (no token) sent with X-Forwarded-For: the code it was closed with, or 'open' after a second. */
function anonymousSocket(server: DabbaServer, forwardedFor: string): Promise<number | 'open'> {
  const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/sync?v=${PROTOCOL_VERSION}`, {
    headers: { 'x-forwarded-for': forwardedFor },
  });
  sockets.push(ws);
  return new Promise((resolve, reject) => {
    ws.once('close', (code) => resolve(code));
    ws.once('error', reject);
    ws.once('open', () => setTimeout(() => resolve('open'), 1_000));
  });
}

describe('client addresses without a trusted proxy', () => {
  it('ignores X-Forwarded-For: a client varying it still spends one sign-in budget', async () => {
    const server = await start(LOGIN_LIMITS);
    const answers = [];
    for (const forwarded of ['203.0.113.1', '203.0.113.2', '198.51.100.3', '2001:db8::4'])
      answers.push(await wrongSignIn(server, forwarded));
    expect(answers).toEqual([401, 401, 401, 429]);
  });

  it('ignores X-Forwarded-For on socket upgrades: varying it opens no more sockets without a token', async () => {
    const server = await start(SOCKET_LIMITS);
    expect(await anonymousSocket(server, '203.0.113.1')).toBe('open');
    expect(await anonymousSocket(server, '203.0.113.2')).toBe('open');
    expect(await anonymousSocket(server, '203.0.113.3')).toBe(CloseCode.ABUSE);
  });
});

describe('client addresses behind a trusted proxy (DABBA_TRUST_PROXY=1)', () => {
  it('gives each forwarded address its own sign-in budget, and a client-written leftmost entry changes nothing', async () => {
    const server = await start({ ...LOGIN_LIMITS, ...TRUSTED });
    for (let i = 0; i < 3; i++) expect(await wrongSignIn(server, '203.0.113.7')).toBe(401);
    expect(await wrongSignIn(server, '203.0.113.7')).toBe(429);
    // What a client sends as X-Forwarded-For comes before the entry the proxy appends.
    expect(await wrongSignIn(server, '198.51.100.1, 203.0.113.7')).toBe(429);
    expect(await wrongSignIn(server, '203.0.113.8, 203.0.113.7')).toBe(429);
    // Another client behind the same proxy (the same TCP peer) is not refused.
    expect(await wrongSignIn(server, '203.0.113.8')).toBe(401);
    expect(await wrongSignIn(server, '203.0.113.7, 203.0.113.8')).toBe(401);
  });

  it('gives each forwarded address its own budget of sockets without a token, spoofed leftmost entries included', async () => {
    const server = await start({ ...SOCKET_LIMITS, ...TRUSTED });
    expect(await anonymousSocket(server, '203.0.113.7')).toBe('open');
    expect(await anonymousSocket(server, '198.51.100.1, 203.0.113.7')).toBe('open');
    expect(await anonymousSocket(server, '198.51.100.2, 203.0.113.7')).toBe(CloseCode.ABUSE);
    expect(await anonymousSocket(server, '203.0.113.8')).toBe('open');
  });

  it('counts every request whose forwarded entry is no address under the proxy itself, never under what it says', async () => {
    const server = await start({ ...LOGIN_LIMITS, ...TRUSTED });
    const answers = [];
    for (const forwarded of ['203.0.113.7, junk', 'unknown', '203.0.113.7:4711', '']) answers.push(await wrongSignIn(server, forwarded));
    expect(answers).toEqual([401, 401, 401, 429]);
    expect(await wrongSignIn(server, '203.0.113.7')).toBe(401);
  });
});
