import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DriverRoster } from '../../../../../../client/admin/model/drivers/driverRoster';
import { ADMIN_SESSION, eventually, FakeAdminHost, OFFLINE, ONLINE } from '../../support/adminHost';

afterEach(() => vi.unstubAllGlobals());

const RAVI = {
  id: 'ravi',
  name: 'Ravi Kumar',
  phone: '+91 90000 00000',
  onShift: true,
  capacity: 2,
  activeOrders: [],
  position: { lat: 12.97, lng: 77.6, at: 1_700_000_000_000, accuracy: 10 },
  connected: true,
};

/** The server answers with Ravi and a Date header a minute ahead of this device. */
function serverAhead(asked: string[]): void {
  vi.stubGlobal('fetch', async (path: string) => {
    asked.push(path);
    const date = new Date(Date.now() + 60_000).toUTCString();
    return new Response(JSON.stringify({ drivers: [RAVI] }), { status: 200, headers: { date } });
  });
}

describe('DriverRoster', () => {
  it('asks for the drivers as soon as the admin is connected, learns the server’s clock, and keeps the list for offline', async () => {
    const asked: string[] = [];
    serverAhead(asked);
    const host = new FakeAdminHost();
    const roster = await DriverRoster.open(host);
    host.set({ session: ADMIN_SESSION, connection: ONLINE });
    await eventually(() => roster.getSnapshot().drivers.length === 1, 2_000, 'the drivers list');
    expect(asked).toEqual(['/api/admin/drivers']);
    const offset = roster.getSnapshot().clockOffsetMs ?? 0;
    expect(offset).toBeGreaterThan(58_000);
    expect(offset).toBeLessThan(61_000);
    host.set({ connection: OFFLINE });
    await new Promise((resolve) => setTimeout(resolve, 30));

    vi.stubGlobal('fetch', async () => Promise.reject(new TypeError('Failed to fetch')));
    const restarted = Object.assign(new FakeAdminHost(), { db: host.db });
    restarted.set({ session: ADMIN_SESSION, connection: OFFLINE });
    const kept = (await DriverRoster.open(restarted)).getSnapshot();
    expect(kept.drivers.map((d) => d.name)).toEqual(['Ravi Kumar']);
    expect(kept.fetchedAt).toBe(roster.getSnapshot().fetchedAt);
  });

  it('asks nothing while offline or signed out', async () => {
    const asked: string[] = [];
    serverAhead(asked);
    const host = new FakeAdminHost();
    await DriverRoster.open(host);
    host.set({ session: ADMIN_SESSION, connection: OFFLINE });
    host.set({ session: null, connection: ONLINE });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(asked).toEqual([]);
  });
});
