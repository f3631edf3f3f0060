import { describe, expect, it } from 'vitest';
import { DeviceIdSchema } from '../../../../shared/api/devices';
import { OutletIdSchema, UserIdSchema } from '../../../../shared/ids';
import { MemoryPresence } from '../../../../sync-server/presence/memoryPresence';
import { OUTLET_DEVICES_KEPT_MS } from '../../../../sync-server/presence/outletDeviceBook';
import type { SocketPresence } from '../../../../sync-server/presence/presence';

const OUTLET = OutletIdSchema.parse('outlet-1');
const TABLET: SocketPresence = {
  userId: UserIdSchema.parse('cook'),
  role: 'outlet',
  outletId: OUTLET,
  app: 'outlet',
  deviceId: DeviceIdSchema.parse('tablet-1'),
};
const PHONE: SocketPresence = {
  userId: UserIdSchema.parse('rider'),
  role: 'driver',
  outletId: null,
  app: 'driver',
  deviceId: DeviceIdSchema.parse('phone-1'),
};

function presenceAt(start: number) {
  const clock = { t: start, now: () => clock.t };
  return { clock, presence: new MemoryPresence('node-a', clock) };
}

describe('MemoryPresence', () => {
  it('lists a connected socket with its node and times until it is removed', async () => {
    const { clock, presence } = presenceAt(1_000);
    const handle = presence.connect(TABLET);
    clock.t = 5_000;
    expect(await presence.list()).toEqual([{ ...TABLET, node: 'node-a', connectedAt: 1_000, lastSeenAt: 5_000 }]);
    handle.remove();
    expect(await presence.list()).toEqual([]);
  });

  it('finds devices by user and by outlet', async () => {
    const { presence } = presenceAt(0);
    presence.connect(TABLET);
    presence.connect(PHONE);
    expect((await presence.devicesOfUser(PHONE.userId)).map((d) => d.deviceId)).toEqual(['phone-1']);
    expect((await presence.devicesOfOutlet(OUTLET)).map((d) => d.deviceId)).toEqual(['tablet-1']);
    expect(await presence.devicesOfOutlet(OutletIdSchema.parse('elsewhere'))).toEqual([]);
  });

  it('keeps two sockets of one device apart, so closing one leaves the other', async () => {
    const { presence } = presenceAt(0);
    const first = presence.connect(TABLET);
    presence.connect(TABLET);
    first.remove();
    first.remove();
    expect(await presence.devicesOfUser(TABLET.userId)).toHaveLength(1);
  });

  it('keeps the newest driver position by device time', async () => {
    const { presence } = presenceAt(0);
    await presence.record(PHONE.userId, { lat: 1, lng: 1, at: 200, accuracy: null });
    await presence.record(PHONE.userId, { lat: 2, lng: 2, at: 100, accuracy: 5 });
    expect(await presence.position(PHONE.userId)).toEqual({ lat: 1, lng: 1, at: 200, accuracy: null });
    expect(presence.status()).toBe('ok');
  });

  it('keeps an outlet device’s report of its unsynced changes on its own clock, and when its socket was last open', async () => {
    const { clock, presence } = presenceAt(1_000_000);
    const tablet = { deviceId: DeviceIdSchema.parse('tablet-1'), outletId: OUTLET };
    const handle = presence.connect(TABLET);
    presence.reportUnsynced(tablet, 60_000);
    clock.t = 1_100_000;
    handle.remove();
    expect(await presence.outletDeviceRecords()).toEqual({
      reports: [{ ...tablet, oldest: 940_000, at: 1_000_000 }],
      contacts: [{ ...tablet, at: 1_100_000 }],
    });
    presence.reportUnsynced(tablet, null);
    presence.reportUnsynced({ ...tablet, deviceId: DeviceIdSchema.parse('tablet-2') }, undefined);
    expect((await presence.outletDeviceRecords()).reports.map((r) => r.oldest)).toEqual(['none', 'unknown']);
  });

  it('forgets outlet devices a week after it last heard of them', async () => {
    const { clock, presence } = presenceAt(0);
    presence.connect(TABLET).remove();
    presence.reportUnsynced({ deviceId: DeviceIdSchema.parse('tablet-1'), outletId: OUTLET }, 5_000);
    clock.t = OUTLET_DEVICES_KEPT_MS;
    expect((await presence.outletDeviceRecords()).contacts).toHaveLength(1);
    clock.t = OUTLET_DEVICES_KEPT_MS + 1;
    expect(await presence.outletDeviceRecords()).toEqual({ reports: [], contacts: [] });
  });

  it('keeps no record of sockets that are not an outlet device', async () => {
    const { presence } = presenceAt(0);
    presence.connect(PHONE).remove();
    presence.connect({ ...TABLET, deviceId: null }).remove();
    expect(await presence.outletDeviceRecords()).toEqual({ reports: [], contacts: [] });
  });
});
