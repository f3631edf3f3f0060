import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DabbaServer } from '../../../sync-server/app';
import { startTestServer } from '../support/server';

let server: DabbaServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const loginWith = (body: unknown) =>
  fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('POST /api/auth/login', () => {
  it('signs in each demo account with its role and a bearer token', async () => {
    for (const role of ['admin', 'outlet', 'driver'] as const) {
      const res = await loginWith({ email: `${role}@dabba.local`, password: 'dabba-demo' });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { token: string; user: { role: string; outletId?: string } };
      expect(body.user.role).toBe(role);
      expect(body.token.split('.')).toHaveLength(3);
      if (role === 'outlet') expect(body.user.outletId).toBe('demo-outlet');
    }
  });

  it('refuses a wrong password with a JSON error and no token', async () => {
    const res = await loginWith({ email: 'outlet@dabba.local', password: 'nope' });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: 'unauthorized', message: 'Email or password is wrong.' } });
  });

  it('answers an unknown email exactly like a wrong password', async () => {
    const res = await loginWith({ email: 'nobody@dabba.local', password: 'dabba-demo' });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
  });

  it('names the bad field of a malformed body', async () => {
    const res = await loginWith({ email: 'not-an-email' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid_body');
    expect(body.error.message).toMatch(/^email/);
    const notJson = await loginWith('{oops');
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: { code: string } }).error.code).toBe('invalid_json');
  });

  it('throttles repeated wrong passwords for one account, even the right one after', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await loginWith({ email: 'driver@dabba.local', password: `guess-${i}` })).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
    const right = await loginWith({ email: 'driver@dabba.local', password: 'dabba-demo' });
    expect(right.status).toBe(429);
    expect(((await right.json()) as { error: { message: string } }).error.message).toMatch(/try again in \d+ s/);
  });
});

describe('GET /healthz and unknown routes', () => {
  it('reports ok with storage status', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, storage: 'ok' });
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const res = await fetch(`${server.url}/api/nothing-here`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});
