import type { LiveDevice } from '../../shared/api/presence';
import { randomId, type OutletId, type UserId } from '../../shared/ids';
import type { Clock } from '../clock';
import { MemoryDriverPresence, type PositionFix } from './driverPresence';
import { everyDevice, LocalDevices, ofOutlet, ofUser, type DeviceFilter } from './localDevices';
import { OutletDeviceBook, outletDeviceOf, reportOf, type OutletDevice, type OutletDeviceRecords } from './outletDeviceBook';
import type { Presence, PresenceHandle, SocketPresence } from './presence';

/** Presence of a single node, in this process's memory: the sockets it holds and the positions it was told. */
export class MemoryPresence implements Presence {
  private readonly devices = new LocalDevices();
  private readonly positions = new MemoryDriverPresence();
  private readonly outletDevices = new OutletDeviceBook();

  constructor(
    private readonly node: string,
    private readonly clock: Pick<Clock, 'now'>,
  ) {}

  connect(socket: SocketPresence): PresenceHandle {
    const id = randomId();
    const at = this.clock.now();
    this.devices.add({ id, device: { ...socket, node: this.node, connectedAt: at, lastSeenAt: at } });
    const outletDevice = outletDeviceOf(socket);
    if (outletDevice) this.outletDevices.contact({ ...outletDevice, at });
    return {
      remove: () => {
        if (!this.devices.delete(id)) return;
        if (outletDevice) this.outletDevices.contact({ ...outletDevice, at: this.clock.now() });
      },
    };
  }

  reportUnsynced(device: OutletDevice, oldestAgeMs: number | null | undefined): void {
    this.outletDevices.report(reportOf(device, oldestAgeMs, this.clock.now()));
  }

  outletDeviceRecords(): Promise<OutletDeviceRecords> {
    return Promise.resolve(this.outletDevices.records(this.clock.now()));
  }

  devicesOfUser(userId: UserId): Promise<LiveDevice[]> {
    return this.read(ofUser(userId));
  }

  devicesOfOutlet(outletId: OutletId): Promise<LiveDevice[]> {
    return this.read(ofOutlet(outletId));
  }

  list(): Promise<LiveDevice[]> {
    return this.read(everyDevice);
  }

  status(): 'ok' {
    return 'ok';
  }

  record(driverId: UserId, fix: PositionFix): Promise<void> {
    return this.positions.record(driverId, fix);
  }

  position(driverId: UserId): Promise<PositionFix | null> {
    return this.positions.position(driverId);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  private read(keep: DeviceFilter): Promise<LiveDevice[]> {
    return Promise.resolve(this.devices.select(keep, this.clock.now()).map((e) => e.device));
  }
}
