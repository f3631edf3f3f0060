import type { LiveDevice } from '../../shared/api/presence';
import type { OutletId, UserId } from '../../shared/ids';

/** One registered socket: its connection id (unique across nodes) and what presence says of it. */
export interface PresenceEntry {
  readonly id: string;
  readonly device: LiveDevice;
}

/** Which of a node's entries a read asks for. */
export type DeviceFilter = (device: LiveDevice) => boolean;
export const everyDevice: DeviceFilter = () => true;
export const ofUser =
  (userId: UserId): DeviceFilter =>
  (d) =>
    d.userId === userId;
export const ofOutlet =
  (outletId: OutletId): DeviceFilter =>
  (d) =>
    d.outletId === outletId;

/**
 * The signed-in sockets this node holds, by connection id. A socket here is open in this process,
 * so it is seen at the moment anyone asks: `lastSeenAt` is the time of the read.
 */
export class LocalDevices {
  private readonly byConnection = new Map<string, LiveDevice>();

  add(entry: PresenceEntry): void {
    this.byConnection.set(entry.id, entry.device);
  }

  delete(connectionId: string): boolean {
    return this.byConnection.delete(connectionId);
  }

  get size(): number {
    return this.byConnection.size;
  }

  select(keep: DeviceFilter, now: number): PresenceEntry[] {
    const out: PresenceEntry[] = [];
    for (const [id, device] of this.byConnection) if (keep(device)) out.push({ id, device: { ...device, lastSeenAt: now } });
    return out;
  }
}
