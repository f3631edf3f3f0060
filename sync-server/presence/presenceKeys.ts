import type { LiveDevice } from '../../shared/api/presence';
import type { OutletId, UserId } from '../../shared/ids';

/**
 * Where presence lives in Redis, under `<prefix>presence:`. Each socket is one JSON key with a TTL
 * (`conn:<id>`); sorted sets scored by expiry name the sockets of everyone (`all`), of a user
 * (`user:<id>`) and of an outlet (`outlet:<id>`), so a read touches only the devices it asks about.
 * A driver's newest position is `pos:<driverId>`. Outlet devices' reports of their unsynced changes and
 * their last contacts are hashes by device id, `unsynced` and `contacts` (redisOutletDevices.ts).
 */
export class PresenceKeys {
  private readonly base: string;

  constructor(prefix: string) {
    this.base = `${prefix}presence:`;
  }

  connection(connectionId: string): string {
    return `${this.base}conn:${connectionId}`;
  }

  get all(): string {
    return `${this.base}all`;
  }

  user(userId: UserId): string {
    return `${this.base}user:${userId}`;
  }

  outlet(outletId: OutletId): string {
    return `${this.base}outlet:${outletId}`;
  }

  position(driverId: UserId): string {
    return `${this.base}pos:${driverId}`;
  }

  get unsyncedReports(): string {
    return `${this.base}unsynced`;
  }

  get deviceContacts(): string {
    return `${this.base}contacts`;
  }

  /** The sets a device is listed in. */
  setsOf(device: LiveDevice): string[] {
    return device.outletId ? [this.all, this.user(device.userId), this.outlet(device.outletId)] : [this.all, this.user(device.userId)];
  }
}
