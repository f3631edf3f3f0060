import type { UserId } from '../../shared/ids';

/** A position a driver's device measured; `at` is the device's time. */
export interface PositionFix {
  readonly lat: number;
  readonly lng: number;
  readonly at: number;
  readonly accuracy: number | null;
}

/**
 * Where drivers are right now, as their devices report it. Storage keeps the durable last position;
 * presence is the live copy other nodes will read once it moves to Redis, hence the async interface.
 */
export interface DriverPresence {
  /** Keeps `fix` unless a newer one (by device time) is already known. */
  record(driverId: UserId, fix: PositionFix): Promise<void>;
  /** The newest fix this presence knows, or null (it may have none after a restart: read storage then). */
  position(driverId: UserId): Promise<PositionFix | null>;
}

/** Presence in this process's memory, for a single node. */
export class MemoryDriverPresence implements DriverPresence {
  private readonly fixes = new Map<UserId, PositionFix>();

  record(driverId: UserId, fix: PositionFix): Promise<void> {
    const known = this.fixes.get(driverId);
    if (!known || known.at <= fix.at) this.fixes.set(driverId, fix);
    return Promise.resolve();
  }

  position(driverId: UserId): Promise<PositionFix | null> {
    return Promise.resolve(this.fixes.get(driverId) ?? null);
  }
}
