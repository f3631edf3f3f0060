import type { LiveDevice } from '../../shared/api/presence';
import type { OutletId, UserId } from '../../shared/ids';

/** One registered socket: its connection id (unique across nodes) and what presence says of it. */
export interface PresenceEntry {
  readonly id: string;
  readonly device: LiveDevice;
}

/** Which devices a read asks for: every one, a user's, or an outlet's. */
export type DeviceFilter =
  { readonly by: 'all' } | { readonly by: 'user'; readonly userId: UserId } | { readonly by: 'outlet'; readonly outletId: OutletId };
export const everyDevice: DeviceFilter = { by: 'all' };
export const ofUser = (userId: UserId): DeviceFilter => ({ by: 'user', userId });
export const ofOutlet = (outletId: OutletId): DeviceFilter => ({ by: 'outlet', outletId });

/** True when `device` is one that `filter` asks for. */
export function keeps(filter: DeviceFilter, device: LiveDevice): boolean {
  switch (filter.by) {
    case 'all':
      return true;
    case 'user':
      return device.userId === filter.userId;
    case 'outlet':
      return device.outletId === filter.outletId;
  }
}

/**
 * The signed-in sockets this node holds, by connection id. A socket here is open in this process,
 * so it is seen at the moment anyone asks: `lastSeenAt` is the time of the read. A user's or an
 * outlet's devices are read from an index, so a read (the outlet watch asks for every outlet every
 * 15 s, wake-ups on every order) costs the devices it returns, not every socket on the node.
 */
export class LocalDevices {
  private readonly byConnection = new Map<string, LiveDevice>();
  private readonly byUser = new Map<UserId, Set<string>>();
  private readonly byOutlet = new Map<OutletId, Set<string>>();

  add(entry: PresenceEntry): void {
    this.delete(entry.id);
    this.byConnection.set(entry.id, entry.device);
    indexAdd(this.byUser, entry.device.userId, entry.id);
    if (entry.device.outletId !== null) indexAdd(this.byOutlet, entry.device.outletId, entry.id);
  }

  delete(connectionId: string): boolean {
    const device = this.byConnection.get(connectionId);
    if (!device) return false;
    this.byConnection.delete(connectionId);
    indexDelete(this.byUser, device.userId, connectionId);
    if (device.outletId !== null) indexDelete(this.byOutlet, device.outletId, connectionId);
    return true;
  }

  get size(): number {
    return this.byConnection.size;
  }

  select(filter: DeviceFilter, now: number): PresenceEntry[] {
    const ids =
      filter.by === 'user'
        ? this.byUser.get(filter.userId)
        : filter.by === 'outlet'
          ? this.byOutlet.get(filter.outletId)
          : this.byConnection.keys();
    const out: PresenceEntry[] = [];
    for (const id of ids ?? []) {
      const device = this.byConnection.get(id);
      if (device) out.push({ id, device: { ...device, lastSeenAt: now } });
    }
    return out;
  }
}

function indexAdd<K>(index: Map<K, Set<string>>, key: K, id: string): void {
  const ids = index.get(key);
  if (ids) ids.add(id);
  else index.set(key, new Set([id]));
}

function indexDelete<K>(index: Map<K, Set<string>>, key: K, id: string): void {
  const ids = index.get(key);
  if (!ids) return;
  ids.delete(id);
  if (ids.size === 0) index.delete(key);
}
