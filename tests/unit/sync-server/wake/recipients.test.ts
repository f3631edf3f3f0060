import { describe, expect, it } from 'vitest';
import { DeviceIdSchema, type PushApp } from '../../../../shared/api/devices';
import type { LiveDevice, PresenceApp } from '../../../../shared/api/presence';
import { OutletIdSchema, TrackingTokenSchema, UserIdSchema, type UserId } from '../../../../shared/ids';
import type { PushRecipient } from '../../../../sync-server/storage/pushTokens';
import { toWake, type LivePresence } from '../../../../sync-server/wake/recipients';

const OUTLET = OutletIdSchema.parse('demo-outlet');
const ravi = UserIdSchema.parse('ravi');
const sita = UserIdSchema.parse('sita');
const admin = UserIdSchema.parse('admin');

const token = (userId: UserId, app: PushApp, deviceId: string | null = null): PushRecipient => ({
  token: `${userId}-${deviceId ?? 'any'}`,
  userId,
  app,
  deviceId: deviceId === null ? null : DeviceIdSchema.parse(deviceId),
});

const socket = (userId: UserId, app: PresenceApp, deviceId: string | null = null): LiveDevice => ({
  userId,
  role: userId === admin ? 'admin' : 'outlet',
  outletId: userId === admin ? null : OUTLET,
  app,
  deviceId: deviceId === null ? null : DeviceIdSchema.parse(deviceId),
  node: 'node-1',
  connectedAt: 0,
  lastSeenAt: 0,
});

/** Presence as a list of live sockets. */
const presenceOf = (live: readonly LiveDevice[]): LivePresence => ({
  devicesOfUser: (userId) => Promise.resolve(live.filter((d) => d.userId === userId)),
  devicesOfOutlet: (outletId) => Promise.resolve(live.filter((d) => d.outletId === outletId)),
});

const tokensOf = (rs: readonly PushRecipient[]): string[] => rs.map((r) => r.token);

describe('toWake', () => {
  const tablets = [token(ravi, 'outlet', 'tablet-1'), token(sita, 'outlet', 'tablet-2'), token(sita, 'outlet')];

  it('wakes an outlet’s devices only when none of them is connected', async () => {
    const target = { kind: 'outlet', outletId: OUTLET } as const;
    expect(tokensOf(await toWake(target, tablets, presenceOf([])))).toEqual(tokensOf(tablets));
    expect(await toWake(target, tablets, presenceOf([socket(ravi, 'outlet', 'tablet-1')]))).toEqual([]);
  });

  it('escalating, wakes each device of the outlet whose own socket is not live', async () => {
    const target = { kind: 'outlet', outletId: OUTLET, escalate: true } as const;
    expect(tokensOf(await toWake(target, tablets, presenceOf([socket(ravi, 'outlet', 'tablet-1')])))).toEqual([
      'sita-tablet-2',
      'sita-any',
    ]);
    // A token without a device id is live when its user has any socket in its app, or one that names no app.
    expect(tokensOf(await toWake(target, tablets, presenceOf([socket(sita, 'outlet', 'tablet-2')])))).toEqual(['ravi-tablet-1']);
    expect(tokensOf(await toWake(target, tablets, presenceOf([socket(sita, 'unknown')])))).toEqual(['ravi-tablet-1', 'sita-tablet-2']);
    expect(tokensOf(await toWake(target, tablets, presenceOf([socket(sita, 'admin')])))).toEqual(tokensOf(tablets));
  });

  it('wakes a user only when none of their devices is connected, and admins each by their own devices', async () => {
    const phones = [token(ravi, 'driver', 'phone-1'), token(ravi, 'driver', 'phone-2')];
    expect(await toWake({ kind: 'user', userId: ravi }, phones, presenceOf([socket(ravi, 'driver', 'phone-2')]))).toEqual([]);
    expect(await toWake({ kind: 'user', userId: ravi }, phones, presenceOf([]))).toHaveLength(2);

    const admins = [token(admin, 'admin', 'laptop'), token(admin, 'admin', 'phone')];
    expect(tokensOf(await toWake({ kind: 'admins' }, admins, presenceOf([socket(admin, 'admin', 'laptop')])))).toEqual(['admin-phone']);
  });

  it('always wakes customers following a tracking link', async () => {
    const browser: PushRecipient = { token: 'browser', userId: null, app: 'track', deviceId: null };
    const target = { kind: 'track', token: TrackingTokenSchema.parse('link') } as const;
    expect(await toWake(target, [browser], presenceOf([]))).toEqual([browser]);
  });
});
