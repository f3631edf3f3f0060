import type { LiveDevice } from '../../shared/api/presence';
import type { OutletId, UserId } from '../../shared/ids';

/**
 * The signed-in sockets this node holds, by connection id. A socket here is open in this process,
 * so it is seen at the moment anyone asks: `lastSeenAt` is the time of the read.
 */
export class LocalDevices {
  private readonly byConnection = new Map<string, LiveDevice>();

  add(connectionId: string, device: LiveDevice): void {
    this.byConnection.set(connectionId, device);
  }

  delete(connectionId: string): boolean {
    return this.byConnection.delete(connectionId);
  }

  entries(): [string, LiveDevice][] {
    return [...this.byConnection];
  }

  all(now: number): LiveDevice[] {
    return this.seen(now, () => true);
  }

  ofUser(userId: UserId, now: number): LiveDevice[] {
    return this.seen(now, (d) => d.userId === userId);
  }

  ofOutlet(outletId: OutletId, now: number): LiveDevice[] {
    return this.seen(now, (d) => d.outletId === outletId);
  }

  private seen(now: number, keep: (device: LiveDevice) => boolean): LiveDevice[] {
    return [...this.byConnection.values()].filter(keep).map((d) => ({ ...d, lastSeenAt: now }));
  }
}
