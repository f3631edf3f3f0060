import type { LiveDevice } from '../../shared/api/presence';
import type { OutletId, UserId } from '../../shared/ids';
import type { DriverPresence } from './driverPresence';
import type { OutletDevice, OutletDeviceRecords } from './outletDeviceBook';

/** What a node knows of a socket when it registers it; the node, times and heartbeats are presence's. */
export type SocketPresence = Omit<LiveDevice, 'node' | 'connectedAt' | 'lastSeenAt'>;

export interface PresenceHandle {
  /** The socket closed: its entry goes at once (a node that dies leaves entries that expire). */
  remove(): void;
}

/**
 * What outlet devices say of the changes they made that the server has not received (only they know),
 * and when each was last connected, kept past their sockets (OutletDeviceBook).
 */
export interface OutletDevicePresence {
  /**
   * An outlet device says how old (ms, its clock) its oldest unsynced change is: null when none, undefined
   * when its app does not say. Replaces what it said before. Never waits and never throws, like `connect`.
   */
  reportUnsynced(device: OutletDevice, oldestAgeMs: number | null | undefined): void;
  /** Every outlet device's last report and last contact, within OUTLET_DEVICES_KEPT_MS. */
  outletDeviceRecords(): Promise<OutletDeviceRecords>;
}

/**
 * Who is connected, on every node: Redis when REDIS_URL is set, this process's memory otherwise.
 * Registering never waits and never throws: with Redis unreachable, presence degrades to this node's
 * own sockets (status 'degraded') and catches up by itself when Redis returns. Driver positions and
 * outlet devices' reports are part of it (DriverPresence, OutletDevicePresence).
 */
export interface Presence extends DriverPresence, OutletDevicePresence {
  connect(socket: SocketPresence): PresenceHandle;
  devicesOfUser(userId: UserId): Promise<LiveDevice[]>;
  devicesOfOutlet(outletId: OutletId): Promise<LiveDevice[]>;
  list(): Promise<LiveDevice[]>;
  status(): 'ok' | 'degraded';
  close(): Promise<void>;
}
