import type { LiveDevice } from '../../shared/api/presence';
import type { OutletId, UserId } from '../../shared/ids';
import type { DriverPresence } from './driverPresence';

/** What a node knows of a socket when it registers it; the node, times and heartbeats are presence's. */
export type SocketPresence = Omit<LiveDevice, 'node' | 'connectedAt' | 'lastSeenAt'>;

export interface PresenceHandle {
  /** The socket closed: its entry goes at once (a node that dies leaves entries that expire). */
  remove(): void;
}

/**
 * Who is connected, on every node: Redis when REDIS_URL is set, this process's memory otherwise.
 * Registering never waits and never throws: with Redis unreachable, presence degrades to this node's
 * own sockets (status 'degraded') and catches up by itself when Redis returns. Driver positions are
 * part of it (DriverPresence).
 */
export interface Presence extends DriverPresence {
  connect(socket: SocketPresence): PresenceHandle;
  devicesOfUser(userId: UserId): Promise<LiveDevice[]>;
  devicesOfOutlet(outletId: OutletId): Promise<LiveDevice[]>;
  list(): Promise<LiveDevice[]>;
  status(): 'ok' | 'degraded';
  close(): Promise<void>;
}
