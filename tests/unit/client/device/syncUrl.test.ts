import { describe, expect, it } from 'vitest';
import { inboxesOf } from '../../../../client/common/device/inboxesOf';
import { syncUrl } from '../../../../client/common/device/syncUrl';
import { DeviceIdSchema } from '../../../../shared/api/devices';
import { readUnsyncedParam } from '../../../../shared/api/unsyncedReport';
import { socketIdentity } from '../../../../shared/protocol/socketIdentity';
import type { OutletId, UserId } from '../../../../shared/ids';
import { PROTOCOL_VERSION } from '../../../../shared/protocol/version';

const TABLET = { deviceId: DeviceIdSchema.parse('tablet-1'), app: 'outlet' } as const;

describe('syncUrl', () => {
  it('says nothing of unsynced changes unless asked to, and says their age or none when asked', () => {
    const at = (age?: number | null) => new URL(syncUrl({ protocol: 'http:', host: 'h' }, 't', TABLET, age)).searchParams;
    expect(at().has('unsynced')).toBe(false);
    expect(readUnsyncedParam(at(90_000))).toBe(90_000);
    expect(at(null).get('unsynced')).toBe('none');
    expect(readUnsyncedParam(at(null))).toBeNull();
  });

  it('dials the page origin with ws on http and wss on https', () => {
    expect(syncUrl({ protocol: 'http:', host: 'localhost:8787' }, 't', TABLET)).toBe(
      `ws://localhost:8787/sync?v=${PROTOCOL_VERSION}&token=t&device=tablet-1&app=outlet`,
    );
    expect(syncUrl({ protocol: 'https:', host: 'dabba.example' }, 't', TABLET)).toBe(
      `wss://dabba.example/sync?v=${PROTOCOL_VERSION}&token=t&device=tablet-1&app=outlet`,
    );
  });

  it('names the device and app the way the server reads them', () => {
    const url = new URL(syncUrl({ protocol: 'http:', host: 'h' }, 't', { deviceId: DeviceIdSchema.parse('phone_2'), app: 'driver' }));
    expect(socketIdentity(url.searchParams)).toEqual({ deviceId: 'phone_2', app: 'driver' });
  });

  it('escapes the token so it cannot break the query string', () => {
    expect(syncUrl({ protocol: 'http:', host: 'h' }, 'a+b/c=&d', TABLET)).toBe(
      `ws://h/sync?v=${PROTOCOL_VERSION}&token=a%2Bb%2Fc%3D%26d&device=tablet-1&app=outlet`,
    );
  });
});

describe('inboxesOf', () => {
  it('follows the inbox each role is sent its orders through', () => {
    expect(inboxesOf({ id: 'u1' as UserId, role: 'outlet', outletId: 'demo-outlet' as OutletId })).toEqual(['inbox:outlet:demo-outlet']);
    expect(inboxesOf({ id: 'd1' as UserId, role: 'driver' })).toEqual(['inbox:driver:d1']);
    expect(inboxesOf({ id: 'a1' as UserId, role: 'admin' })).toEqual(['inbox:admin']);
  });
});
