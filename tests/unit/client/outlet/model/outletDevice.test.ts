import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UserId } from '../../../../../shared/ids';
import type { DeviceSnapshot } from '../../../../../client/common/device/device';
import type { ConnectionState } from '../../../../../client/common/sync/reconnectingSocket';
import type { Session } from '../../../../../client/common/session/session';
import { openDabbaDb } from '../../../../../client/common/store/db';
import { OutletDevice, type OutletDeviceHost } from '../../../../../client/outlet/model/outletDevice';
import { newPhoneOrderRow } from '../../../../../client/outlet/model/phoneOrders/outbox';
import { OUTLET_ID } from '../../../shared/order/fixtures';
import { phoneRequest } from '../../support/phoneOrders';

let serial = 0;
const STOPPED: ConnectionState = { status: 'stopped', retryAt: null, reason: null };
const ONLINE: ConnectionState = { status: 'online', retryAt: null, reason: null };
const STAFF: Session = { token: 'staff-token', user: { id: 'cook-1' as UserId, role: 'outlet', outletId: OUTLET_ID } };

/** Each POST the outbox makes, and the server it meets: down until `up` is set. */
let sent: { readonly path: string; readonly headers: Record<string, string> }[] = [];
let up = false;

beforeEach(() => {
  sent = [];
  up = false;
  vi.stubGlobal('window', new EventTarget());
  vi.stubGlobal('fetch', async (path: string, init: { headers: Record<string, string> }) => {
    sent.push({ path, headers: init.headers });
    if (!up) throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify({ orderId: `order-${sent.length}`, trackingUrl: '/track/t' }), { status: 201 });
  });
});
afterEach(() => {
  signOutAll();
  vi.unstubAllGlobals();
});

const hosts: ((change: Partial<DeviceSnapshot>) => void)[] = [];
const signOutAll = (): void => {
  for (const set of hosts.splice(0)) set({ session: null });
};

/** A Device as the plug-in sees it: a store, and a snapshot the test changes. */
function device() {
  const db = openDabbaDb(`outlet-device-test-${++serial}`);
  let snapshot: DeviceSnapshot = { session: null, connection: STOPPED, signedOutReason: null, storageError: null };
  const listeners = new Set<() => void>();
  const set = (change: Partial<DeviceSnapshot>): void => {
    snapshot = { ...snapshot, ...change };
    for (const listener of listeners) listener();
  };
  hosts.push(set);
  const host: OutletDeviceHost = {
    db,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
  };
  const waiting = async (key: string) => db.phoneOrders.put(newPhoneOrderRow(key, phoneRequest()));
  return { db, host, set, waiting };
}

/** Lets the outbox's passes (IndexedDB and the stubbed fetch) run to the end. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('the outlet device', () => {
  it('sends the waiting phone orders of whoever signs in, under their token and each entry’s key', async () => {
    const d = device();
    await d.waiting('phone-1');
    const outlet = OutletDevice.attach(d.host);
    expect(outlet.phoneOrders()).toBeNull();
    await settle();
    expect(sent).toHaveLength(0);

    up = true;
    d.set({ session: STAFF });
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ path: '/api/orders', headers: { authorization: 'Bearer staff-token', 'idempotency-key': 'phone-1' } });
    expect(outlet.phoneOrders()?.actor).toEqual({ id: 'cook-1', role: 'outlet', outletId: OUTLET_ID });
    await vi.waitFor(async () => expect((await d.db.phoneOrders.get('phone-1'))?.state).toBe('placed'));
  });

  it('stops sending when the user signs out, and offers no phone-order commands', async () => {
    const d = device();
    const outlet = OutletDevice.attach(d.host);
    d.set({ session: STAFF });
    const before = outlet.phoneOrders();
    await settle();
    d.set({ session: null, connection: STOPPED });
    expect(outlet.phoneOrders()).toBeNull();

    // Neither a screen still holding the old context nor the network coming back sends it.
    await d.waiting('phone-2');
    before?.wakeOutbox();
    window.dispatchEvent(new Event('online'));
    await settle();
    expect(sent).toHaveLength(0);
  });

  it('tries a waiting phone order again at once when the socket reconnects or the browser is back online', async () => {
    const d = device();
    await d.waiting('phone-3');
    OutletDevice.attach(d.host);
    d.set({ session: STAFF });
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    await vi.waitFor(async () => expect((await d.db.phoneOrders.get('phone-3'))?.attempts).toBe(1));

    // Not due again for seconds (backoff), yet the connection coming back sends it now.
    d.set({ connection: ONLINE });
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    d.set({ connection: ONLINE, storageError: null });
    await settle();
    expect(sent).toHaveLength(2);

    window.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(sent).toHaveLength(3));
  });

  it('starts nothing for an outlet account that has no outlet, as the Device starts no sync for it', async () => {
    const d = device();
    await d.waiting('phone-4');
    const outlet = OutletDevice.attach(d.host);
    d.set({ session: { token: 'no-outlet', user: { id: 'cook-2' as UserId, role: 'outlet' } } });
    await settle();
    expect(outlet.phoneOrders()).toBeNull();
    expect(sent).toHaveLength(0);
  });
});
