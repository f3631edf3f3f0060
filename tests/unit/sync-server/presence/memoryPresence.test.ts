import { describe, expect, it } from 'vitest';
import { DeviceIdSchema } from '../../../../shared/api/devices';
import { OutletIdSchema, UserIdSchema } from '../../../../shared/ids';
import { MemoryPresence } from '../../../../sync-server/presence/memoryPresence';
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
});
