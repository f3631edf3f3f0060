import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { DeviceId, RegisterDevice } from '../../../../shared/api/devices';
import type { UserId } from '../../../../shared/ids';
import type { DevicePushApi } from '../../../../client/common/api/devices';
import type { ApiResult } from '../../../../client/common/api/http';
import type { DeviceSnapshot } from '../../../../client/common/device/device';
import { DevicePush, type DevicePushHost } from '../../../../client/common/push/devicePush';
import type { Session } from '../../../../client/common/session/session';
import { openDabbaDb } from '../../../../client/common/store/db';
import { loadPushRegistration } from '../../../../client/common/store/pushRegistration';
import { OUTLET_ID } from '../../shared/order/fixtures';
import { OFFLINE, OK } from '../support/driverApi';
import { fakePushPlatform, TOKEN_A, TOKEN_B } from '../support/fakePushPlatform';

let serial = 0;
const COOK: Session = { token: 'cook-jwt', user: { id: 'cook-1' as UserId, role: 'outlet', outletId: OUTLET_ID } };
const OTHER_COOK: Session = { token: 'other-jwt', user: { id: 'cook-2' as UserId, role: 'outlet', outletId: OUTLET_ID } };
/** The server's side of POST/DELETE /api/devices: every call recorded, answered OK unless `down`. */
function fakeApi() {
  const calls: { op: 'register' | 'unregister'; bearer: string; token: string; body?: RegisterDevice }[] = [];
  const server = { down: false };
  const answer = (): ApiResult => (server.down ? OFFLINE : OK);
  const api: DevicePushApi = {
    register: async (bearer, body) => {
      calls.push({ op: 'register', bearer, token: body.pushToken, body });
      return answer();
    },
    unregister: async (bearer, token) => {
      calls.push({ op: 'unregister', bearer, token });
      return answer();
    },
  };
  return { api, calls, server };
}

function fakeDevice(session: Session | null) {
  const db = openDabbaDb(`device-push-test-${++serial}`);
  let snapshot: DeviceSnapshot = {
    session,
    connection: { status: 'stopped', retryAt: null, reason: null },
    signedOutReason: null,
    storageError: null,
  };
  const listeners = new Set<() => void>();
  const host: DevicePushHost = {
    db,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
  };
  const signIn = (next: Session | null): void => {
    snapshot = { ...snapshot, session: next };
    for (const listener of listeners) listener();
  };
  return { db, host, signIn };
}

function setUp(session: Session | null, permission: NotificationPermission, answer?: NotificationPermission) {
  const device = fakeDevice(session);
  const browser = fakePushPlatform(permission, answer);
  const server = fakeApi();
  const attach = () =>
    DevicePush.attach(device.host, {
      app: 'outlet',
      push: { kind: 'ready', platform: browser.platform },
      api: server.api,
      deviceId: async () => 'tablet-1' as DeviceId,
      serverWaitMs: 50,
    });
  return { ...device, browser, server, attach };
}

describe('DevicePush', () => {
  it('says notifications are not set up when the build has no Firebase config, and asks nothing', async () => {
    const { host } = fakeDevice(COOK);
    const push = DevicePush.attach(host, { app: 'outlet', push: { kind: 'unavailable', reason: 'not-set-up' } });
    expect(push.getSnapshot()).toEqual({ kind: 'unavailable', reason: 'not-set-up' });
    expect((await push.turnOn()).ok).toBe(false);
  });

  it('stays off at sign-in until someone turns notifications on, and asks the browser only then', async () => {
    const t = setUp(COOK, 'default');
    const push = t.attach();
    await push.settled();
    expect(push.getSnapshot()).toEqual({ kind: 'off', problem: null });
    expect(t.browser.state.asked).toBe(0);
    expect(t.server.calls).toEqual([]);

    expect((await push.turnOn()).ok).toBe(true);
    expect(t.browser.state.asked).toBe(1);
    expect(t.server.calls).toEqual([
      { op: 'register', bearer: 'cook-jwt', token: TOKEN_A, body: { pushToken: TOKEN_A, app: 'outlet', deviceId: 'tablet-1' } },
    ]);
    expect(push.getSnapshot()).toEqual({ kind: 'on' });
    expect(await loadPushRegistration(t.db)).toMatchObject({ token: TOKEN_A, userId: 'cook-1', app: 'outlet', wanted: true });
  });

  it('says blocked when the person or the browser refuses, and registers nothing', async () => {
    const t = setUp(COOK, 'default', 'denied');
    const push = t.attach();
    const outcome = await push.turnOn();
    expect(outcome.ok).toBe(false);
    expect(push.getSnapshot()).toEqual({ kind: 'blocked' });
    expect(t.server.calls).toEqual([]);
  });

  it('registers by itself after sign-in when notifications are already allowed', async () => {
    const t = setUp(null, 'granted');
    const push = t.attach();
    t.signIn(COOK);
    await push.settled();
    expect(push.getSnapshot()).toEqual({ kind: 'on' });
    expect(t.server.calls.map((c) => c.op)).toEqual(['register']);
  });

  it('registers nothing again at a start when the token has not changed', async () => {
    const t = setUp(COOK, 'granted');
    await t.attach().settled();
    const again = t.attach();
    await again.settled();
    expect(again.getSnapshot()).toEqual({ kind: 'on' });
    expect(t.server.calls.map((c) => c.op)).toEqual(['register']);
  });

  it('registers a token Firebase rotated at the next start, then removes the old one from the server', async () => {
    const t = setUp(COOK, 'granted');
    await t.attach().settled();
    t.browser.state.token = TOKEN_B;
    await t.attach().settled();
    expect(t.server.calls.map((c) => [c.op, c.token])).toEqual([
      ['register', TOKEN_A],
      ['register', TOKEN_B],
      ['unregister', TOKEN_A],
    ]);
    expect((await loadPushRegistration(t.db)).token).toBe(TOKEN_B);
  });

  it('shows notifications as on at an offline start when the server already holds the token', async () => {
    const t = setUp(COOK, 'granted');
    await t.attach().settled();
    t.browser.state.token = TOKEN_B;
    t.server.server.down = true;
    const push = t.attach();
    await push.settled();
    expect(push.getSnapshot()).toEqual({ kind: 'on' });
    expect((await loadPushRegistration(t.db)).token).toBe(TOKEN_A);
  });

  it('says why when turning on fails for want of network', async () => {
    const t = setUp(COOK, 'granted');
    t.server.server.down = true;
    const push = t.attach();
    await push.settled();
    expect(push.getSnapshot()).toEqual({ kind: 'off', problem: expect.stringMatching(/needs the network/) });
  });

  it('removes the token from the server, with the leaving user’s sign-in, and from FCM at sign-out', async () => {
    const t = setUp(COOK, 'granted');
    const push = t.attach();
    await push.settled();
    t.signIn(null);
    await push.settled();
    expect(t.server.calls.map((c) => [c.op, c.bearer, c.token])).toEqual([
      ['register', 'cook-jwt', TOKEN_A],
      ['unregister', 'cook-jwt', TOKEN_A],
    ]);
    expect(t.browser.state.removed).toBe(1);
    expect(await loadPushRegistration(t.db)).toMatchObject({ token: null, wanted: true });

    // The next person to sign in on this tablet gets their own registration.
    t.signIn(OTHER_COOK);
    await push.settled();
    expect(t.server.calls.at(-1)).toMatchObject({ op: 'register', bearer: 'other-jwt' });
  });

  it('signs out even when the server cannot be told, and FCM forgets the token anyway', async () => {
    const t = setUp(COOK, 'granted');
    const push = t.attach();
    await push.settled();
    t.server.server.down = true;
    t.signIn(null);
    await push.settled();
    expect(t.browser.state.removed).toBe(1);
    expect((await loadPushRegistration(t.db)).token).toBeNull();
  });

  it('deletes at FCM a token a sign-out left behind when the app next opens with nobody signed in', async () => {
    const t = setUp(COOK, 'granted');
    await t.attach().settled();
    // The tab closed before the sign-out's clean-up ran: the store still names the token.
    const leftOver = fakeDevice(null);
    await leftOver.db.pushRegistration.put(await loadPushRegistration(t.db));
    const push = DevicePush.attach(leftOver.host, {
      app: 'outlet',
      push: { kind: 'ready', platform: t.browser.platform },
      api: t.server.api,
    });
    await push.settled();
    expect(t.browser.state.removed).toBe(1);
    expect(await loadPushRegistration(leftOver.db)).toMatchObject({ token: null, wanted: true });
    expect(t.server.calls.map((c) => c.op)).toEqual(['register']);
  });

  it('stays off after being turned off, also across the next sign-in', async () => {
    const t = setUp(COOK, 'granted');
    const push = t.attach();
    await push.settled();
    expect((await push.turnOff()).ok).toBe(true);
    expect(push.getSnapshot()).toEqual({ kind: 'off', problem: null });
    expect(t.server.calls.map((c) => c.op)).toEqual(['register', 'unregister']);

    t.signIn(null);
    t.signIn(OTHER_COOK);
    await push.settled();
    expect(push.getSnapshot()).toEqual({ kind: 'off', problem: null });
    expect(t.server.calls.map((c) => c.op)).toEqual(['register', 'unregister']);
  });
});
