import { afterEach, describe, expect, it } from 'vitest';
import { errorOf, getJson, postJson } from '../support/http';
import { DEMO_PASSWORD, freePort, spawnServer, tempDataDir, type ChildServer } from '../support/server';

const children: ChildServer[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.process.exitCode === null) child.process.kill('SIGTERM');
    await child.exited;
  }
});

/** A child-process server that binds `env.HOST` (here 0.0.0.0: every interface) and is reached over 127.0.0.1. */
async function start(dataDir: string, env: Record<string, string>): Promise<ChildServer> {
  const child = await spawnServer(dataDir, await freePort(), env);
  children.push(child);
  return child;
}

const login = (server: ChildServer, who: string, password = DEMO_PASSWORD) =>
  postJson<{ token: string }>(`${server.url}/api/auth/login`, { email: `${who}@dabba.local`, password });

describe('demo accounts on a server bound beyond loopback', () => {
  it('are seeded but cannot sign in with the demo password, and the server says so on stderr', async () => {
    const server = await start(tempDataDir('demo-public'), { HOST: '0.0.0.0' });
    for (const who of ['admin', 'outlet', 'driver']) {
      const res = await login(server, who);
      expect(res.status).toBe(403);
      expect(errorOf(res)?.code).toBe('demo_login_disabled');
    }
    // The same password as scrypt would read it (NFKC), in full-width letters, is the demo password too.
    expect(errorOf(await login(server, 'admin', 'ｄａｂｂａ-ｄｅｍｏ'))?.code).toBe('demo_login_disabled');
    expect(server.stderr()).toContain('DEMO LOGINS ARE DISABLED');
    expect(server.stderr()).toContain('admin@dabba.local');
    // The welcome names where the apps are, and no account that cannot sign in here.
    await expect.poll(() => server.stdout()).toContain('Dabba is running at http://localhost:');
    expect(server.stdout()).toMatch(/Admin desk +http:\/\/localhost:\d+\/admin\//);
    expect(server.stdout()).not.toContain('Demo accounts');
  });

  it('that exist from an earlier run stay locked when the server is restarted on 0.0.0.0 without seeding', async () => {
    const dataDir = tempDataDir('demo-restart');
    const local = await start(dataDir, { HOST: '127.0.0.1' });
    const signedIn = await login(local, 'admin');
    expect(signedIn.status).toBe(200);
    const { token } = signedIn.body;
    expect(local.stderr()).not.toContain('DEMO');
    // On loopback, someone trying Dabba is told where each app is and how to sign in.
    await expect
      .poll(() => local.stdout())
      .toContain('Demo accounts (password "dabba-demo"): admin@dabba.local, outlet@dabba.local, driver@dabba.local');
    for (const app of ['order', 'outlet', 'driver', 'admin']) expect(local.stdout()).toContain(`${local.url}/${app}/`);
    local.process.kill('SIGTERM');
    await local.exited;

    const exposed = await start(dataDir, { HOST: '0.0.0.0', DABBA_DEMO: '0' });
    expect(errorOf(await login(exposed, 'outlet'))?.code).toBe('demo_login_disabled');
    expect(exposed.stderr()).toContain('DEMO LOGINS ARE DISABLED');
    const earlier = await getJson(`${exposed.url}/api/orders`, { token });
    expect(earlier.status).toBe(401);
    expect(errorOf(earlier)?.code).toBe('session_revoked');
  });

  it('sign in only when asked for with DABBA_DEMO_PUBLIC=1, with a warning banner', async () => {
    const server = await start(tempDataDir('demo-asked'), { HOST: '0.0.0.0', DABBA_DEMO_PUBLIC: '1' });
    expect((await login(server, 'admin')).status).toBe(200);
    expect(server.stderr()).toContain('WARNING: DEMO ACCOUNTS ARE OPEN TO THE NETWORK');
  });
});
