import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DabbaServer } from '../../../sync-server/app';
import { placeOrder } from '../support/api';
import { startTestServer, tempDataDir } from '../support/server';

/** A stand-in for the `vite build` output: each app's shell page. */
function builtApps(): string {
  const dir = tempDataDir('dabba-static');
  for (const app of ['outlet', 'track']) {
    fs.mkdirSync(path.join(dir, app));
    fs.writeFileSync(path.join(dir, app, 'index.html'), `<!doctype html><title>${app}</title>`);
  }
  return dir;
}

const directives = (res: Response): Map<string, string> =>
  new Map(
    (res.headers.get('content-security-policy') ?? '')
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name = '', ...values] = d.split(/\s+/);
        return [name, values.join(' ')] as const;
      }),
  );

const servers: DabbaServer[] = [];
async function start(env: Record<string, string> = {}): Promise<DabbaServer> {
  const server = await startTestServer({ DABBA_STATIC_DIR: builtApps(), ...env });
  servers.push(server);
  return server;
}
afterAll(() => Promise.all(servers.map((s) => s.close())));

describe('security headers', () => {
  let server: DabbaServer;
  let trackingPath: string;
  beforeAll(async () => {
    server = await start();
    trackingPath = new URL((await placeOrder(server.url)).trackingUrl).pathname;
  });

  it('every kind of answer carries a strict CSP that forbids framing, nosniff and a referrer policy', async () => {
    const answers = await Promise.all([
      fetch(`${server.url}/outlet/`),
      fetch(`${server.url}/api/outlets`),
      fetch(`${server.url}/healthz`),
      fetch(`${server.url}/api/no-such-route`),
      fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: 'x'.repeat(70 * 1024),
      }),
      fetch(`${server.url}/no-such-file.js`),
    ]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 404, 413, 404]);
    for (const res of answers) {
      const csp = directives(res);
      expect(csp.get('default-src')).toBe("'self'");
      expect(csp.get('script-src')).toBe("'self'");
      expect(csp.get('style-src')).toBe("'self'");
      expect(csp.get('connect-src')).toBe("'self'");
      expect(csp.get('object-src')).toBe("'none'");
      expect(csp.get('base-uri')).toBe("'none'");
      expect(csp.get('frame-ancestors')).toBe("'none'");
      expect(csp.get('img-src')).toBe("'self' data: blob: https://tile.openstreetmap.org");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    }
  });

  it('the tracking page and its API send no referrer, since the link itself is the secret', async () => {
    const page = await fetch(`${server.url}${trackingPath}`);
    const api = await fetch(`${server.url}/api${trackingPath}`);
    expect([page.status, api.status]).toEqual([200, 200]);
    for (const res of [page, api]) {
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(directives(res).get('frame-ancestors')).toBe("'none'");
    }
  });

  it('HSTS only over TLS: never on plain HTTP, and X-Forwarded-Proto is believed only from a trusted proxy', async () => {
    const https = { 'x-forwarded-proto': 'https' };
    expect((await fetch(`${server.url}/healthz`)).headers.get('strict-transport-security')).toBeNull();
    expect((await fetch(`${server.url}/healthz`, { headers: https })).headers.get('strict-transport-security')).toBeNull();

    const proxied = await start({ DABBA_TRUST_PROXY: '1' });
    expect((await fetch(`${proxied.url}/outlet/`, { headers: https })).headers.get('strict-transport-security')).toBe('max-age=31536000');
    expect(
      (await fetch(`${proxied.url}/healthz`, { headers: { 'x-forwarded-proto': 'https, http' } })).headers.get('strict-transport-security'),
    ).toBe('max-age=31536000');
    expect(
      (await fetch(`${proxied.url}/healthz`, { headers: { 'x-forwarded-proto': 'http' } })).headers.get('strict-transport-security'),
    ).toBeNull();
    expect((await fetch(`${proxied.url}/healthz`)).headers.get('strict-transport-security')).toBeNull();
  });

  it('images may come from the tile host the apps were built with, and from none when there are no tiles', async () => {
    const subdomains = await start({ VITE_MAP_TILE_URL: 'https://{s}.tiles.example.org:8443/{z}/{x}/{y}.png' });
    expect(directives(await fetch(`${subdomains.url}/healthz`)).get('img-src')).toBe("'self' data: blob: https://*.tiles.example.org:8443");
    const none = await start({ VITE_MAP_TILE_URL: '' });
    expect(directives(await fetch(`${none.url}/healthz`)).get('img-src')).toBe("'self' data: blob:");
  });
});
