import { describe, expect, it } from 'vitest';
import { DeviceIdSchema } from '../../../../shared/api/devices';
import type { LiveDevice } from '../../../../shared/api/presence';
import { OutletIdSchema, UserIdSchema } from '../../../../shared/ids';
import { everyDevice, LocalDevices, ofOutlet, ofUser } from '../../../../sync-server/presence/localDevices';

const OUTLET_A = OutletIdSchema.parse('outlet-a');
const OUTLET_B = OutletIdSchema.parse('outlet-b');

function device(n: number, outletId: typeof OUTLET_A | null): LiveDevice {
  return {
    userId: UserIdSchema.parse(`user-${n % 7}`),
    role: outletId ? 'outlet' : 'driver',
    outletId,
    app: outletId ? 'outlet' : 'driver',
    deviceId: DeviceIdSchema.parse(`device-${n}`),
    node: 'node-a',
    connectedAt: 0,
    lastSeenAt: 0,
  };
}

/** The same device, counting every read of who it belongs to. */
function counted(d: LiveDevice, reads: { n: number }): LiveDevice {
  return Object.defineProperties(
    { ...d },
    {
      userId: { enumerable: true, get: () => (reads.n++, d.userId) },
      outletId: { enumerable: true, get: () => (reads.n++, d.outletId) },
    },
  );
}

describe("a node's own devices", () => {
  it("answers a user's or an outlet's devices, and keeps them apart as sockets come, go and come back", () => {
    const devices = new LocalDevices();
    for (let n = 0; n < 30; n++) devices.add({ id: `c${n}`, device: device(n, n % 3 === 0 ? OUTLET_A : n % 3 === 1 ? OUTLET_B : null) });
    const ids = (list: { id: string }[]): string[] => list.map((e) => e.id).sort();

    expect(ids(devices.select(ofOutlet(OUTLET_A), 5))).toEqual(['c0', 'c12', 'c15', 'c18', 'c21', 'c24', 'c27', 'c3', 'c6', 'c9']);
    expect(devices.select(ofUser(UserIdSchema.parse('user-3')), 5).map((e) => e.device.deviceId)).toEqual([
      'device-3',
      'device-10',
      'device-17',
      'device-24',
    ]);
    expect(devices.select(everyDevice, 5)).toHaveLength(30);
    expect(devices.select(ofOutlet(OUTLET_A), 5).every((e) => e.device.lastSeenAt === 5)).toBe(true);

    expect(devices.delete('c3')).toBe(true);
    expect(devices.delete('c3')).toBe(false);
    devices.add({ id: 'c0', device: device(0, OUTLET_B) });
    expect(ids(devices.select(ofOutlet(OUTLET_A), 5))).not.toContain('c0');
    expect(ids(devices.select(ofOutlet(OUTLET_A), 5))).not.toContain('c3');
    expect(ids(devices.select(ofOutlet(OUTLET_B), 5))).toContain('c0');
    expect(devices.size).toBe(29);
  });

  it("reads only the asked-for outlet's devices, however many other sockets the node holds", () => {
    const devices = new LocalDevices();
    const reads = { n: 0 };
    for (let n = 0; n < 1000; n++) devices.add({ id: `c${n}`, device: counted(device(n, n < 2 ? OUTLET_A : OUTLET_B), reads) });
    reads.n = 0;

    expect(devices.select(ofOutlet(OUTLET_A), 1)).toHaveLength(2);
    // Copying each answered device reads its two fields once; nothing of the other 998 is looked at.
    expect(reads.n).toBe(4);
  });
});
