import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OutletIdSchema } from '../../../../../../shared/ids';
import { OutletDirectory } from '../../../../../../client/admin/model/outlets/outletDirectory';
import { serverAnswers, serverUnreachable } from '../../../support/stubFetch';
import { ADMIN_SESSION, eventually, FakeAdminHost, OFFLINE, ONLINE } from '../../support/adminHost';

afterEach(() => vi.unstubAllGlobals());

const LIST = [
  { id: 'demo-outlet', name: 'Dabba Demo Kitchen', ordering: { open: true } },
  { id: 'indiranagar', name: 'Dabba Indiranagar', ordering: { open: true } },
];

describe('OutletDirectory', () => {
  it('asks the catalog for the outlets when the device comes online and holds every outlet document once', async () => {
    serverAnswers(200, LIST);
    const host = new FakeAdminHost();
    const directory = await OutletDirectory.open(host);
    host.set({ session: ADMIN_SESSION, connection: ONLINE });
    await eventually(() => directory.getSnapshot().length === 2, 2_000, 'the outlet list');
    expect(directory.getSnapshot().map((o) => o.name)).toEqual(['Dabba Demo Kitchen', 'Dabba Indiranagar']);
    host.set({ connection: OFFLINE });
    host.set({ connection: ONLINE });
    await eventually(() => host.held.length >= 2, 2_000, 'the documents held');
    expect([...new Set(host.held)]).toEqual(['outlet:demo-outlet', 'outlet:indiranagar']);
    expect(host.held).toHaveLength(2);
  });

  it('after a restart with no network, holds the outlets it kept from the last list', async () => {
    serverAnswers(200, LIST);
    const first = new FakeAdminHost();
    const before = await OutletDirectory.open(first);
    first.set({ session: ADMIN_SESSION, connection: ONLINE });
    await eventually(() => before.getSnapshot().length === 2, 2_000, 'the outlet list');

    serverUnreachable();
    const restarted = Object.assign(new FakeAdminHost(), { db: first.db });
    restarted.set({ session: ADMIN_SESSION, connection: OFFLINE });
    const after = await OutletDirectory.open(restarted);
    expect(after.getSnapshot().map((o) => o.id)).toEqual(['demo-outlet', 'indiranagar']);
    expect(restarted.held).toEqual(['outlet:demo-outlet', 'outlet:indiranagar']);
  });

  it('keeps the list it has when the catalog answers with something it cannot read', async () => {
    serverAnswers(200, [{ id: 'has space', name: 3 }]);
    const host = new FakeAdminHost();
    const directory = await OutletDirectory.open(host);
    host.set({ session: ADMIN_SESSION, connection: ONLINE });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(directory.getSnapshot()).toEqual([]);
    expect(host.held).toEqual([]);
  });

  it('lists an outlet added on this device at once, and keeps it while the server’s list does not name it yet', async () => {
    serverUnreachable();
    const host = new FakeAdminHost();
    host.set({ session: ADMIN_SESSION, connection: OFFLINE });
    const directory = await OutletDirectory.open(host);
    await directory.adopt({ id: OutletIdSchema.parse('new-kitchen'), name: 'New Kitchen' });
    expect(directory.getSnapshot().map((o) => o.id)).toEqual(['new-kitchen']);
    expect(host.held).toEqual(['outlet:new-kitchen']);

    // Online before the new outlet's first change reached the server: the list still shows it.
    serverAnswers(200, LIST);
    host.set({ connection: ONLINE });
    await eventually(() => directory.getSnapshot().length === 3, 2_000, 'the server list with the new outlet');
    expect(directory.getSnapshot().map((o) => o.id)).toEqual(['demo-outlet', 'indiranagar', 'new-kitchen']);

    // Once the server names it, it is the server's entry (and name) that counts.
    serverAnswers(200, [...LIST, { id: 'new-kitchen', name: 'New Kitchen Indiranagar' }]);
    host.set({ connection: OFFLINE });
    host.set({ connection: ONLINE });
    await eventually(() => directory.getSnapshot().some((o) => o.name === 'New Kitchen Indiranagar'), 2_000, 'the renamed outlet');
    serverAnswers(200, LIST);
    host.set({ connection: OFFLINE });
    host.set({ connection: ONLINE });
    await eventually(() => directory.getSnapshot().length === 2, 2_000, 'the list without the outlet the server dropped');
  });
});
