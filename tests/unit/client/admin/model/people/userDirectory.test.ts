import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AdminUser } from '../../../../../../shared/api/adminUsers';
import { UserIdSchema } from '../../../../../../shared/ids';
import { UserDirectory } from '../../../../../../client/admin/model/people/userDirectory';
import { ADMIN_SESSION, eventually, FakeAdminHost, OFFLINE, ONLINE } from '../../support/adminHost';

afterEach(() => vi.unstubAllGlobals());

const userNamed = (name: string, disabled = false): AdminUser => ({
  id: UserIdSchema.parse(name.toLowerCase()),
  email: `${name.toLowerCase()}@dabba.local`,
  name,
  role: 'admin',
  outletId: null,
  disabled,
  createdAt: 1_700_000_000_000,
  liveDevices: 0,
  driver: null,
});

interface Asked {
  readonly method: string;
  readonly path: string;
}

/** A server with Asha and Bilal; a PATCH answers with Bilal disabled. */
function server(asked: Asked[]): void {
  vi.stubGlobal('fetch', async (path: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    asked.push({ method, path });
    if (method === 'PATCH') return Response.json({ user: userNamed('Bilal', true) });
    return Response.json({ since: 0, users: [userNamed('Asha'), userNamed('Bilal')] });
  });
}

/** A directory whose admin is connected, once it has heard the server's list. */
async function connectedDirectory(): Promise<{ host: FakeAdminHost; directory: UserDirectory }> {
  const host = new FakeAdminHost();
  const directory = await UserDirectory.open(host);
  host.set({ session: ADMIN_SESSION, connection: ONLINE });
  await eventually(() => directory.getSnapshot().users.length === 2, 2_000, 'the accounts');
  return { host, directory };
}

describe('UserDirectory', () => {
  it('asks for the accounts from this device’s midnight once connected and keeps them for a reload offline', async () => {
    const asked: Asked[] = [];
    server(asked);
    const { host, directory } = await connectedDirectory();
    const midnight = new Date();
    midnight.setHours(0, 0, 0, 0);
    expect(asked).toEqual([{ method: 'GET', path: `/api/admin/users?since=${midnight.getTime()}` }]);
    host.set({ connection: OFFLINE });

    vi.stubGlobal('fetch', async () => Promise.reject(new TypeError('Failed to fetch')));
    const restarted = Object.assign(new FakeAdminHost(), { db: host.db });
    restarted.set({ session: ADMIN_SESSION, connection: OFFLINE });
    const kept = (await UserDirectory.open(restarted)).getSnapshot();
    expect(kept.users.map((u) => u.name)).toEqual(['Asha', 'Bilal']);
    expect(kept.fetchedAt).toBe(directory.getSnapshot().fetchedAt);
  });

  it('shows a change the server took at once, in place', async () => {
    const asked: Asked[] = [];
    server(asked);
    const { directory } = await connectedDirectory();

    const answer = await directory.change(UserIdSchema.parse('bilal'), { disabled: true });
    expect(answer.ok).toBe(true);
    expect(directory.getSnapshot().users.map((u) => [u.name, u.disabled])).toEqual([
      ['Asha', false],
      ['Bilal', true],
    ]);
    expect(asked[1]).toEqual({ method: 'PATCH', path: '/api/admin/users/bilal' });
  });

  it('says the server could not be reached when a change is made with no network', async () => {
    vi.stubGlobal('fetch', async () => Promise.reject(new TypeError('Failed to fetch')));
    const host = new FakeAdminHost();
    host.set({ session: ADMIN_SESSION, connection: OFFLINE });
    const directory = await UserDirectory.open(host);
    const answer = await directory.change(UserIdSchema.parse('bilal'), { disabled: true });
    expect(answer.ok ? null : answer.error.code).toBe('network');
  });
});
