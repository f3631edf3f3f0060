import { z } from 'zod';
import { adminDriverSchema, type AdminDriver } from '../../../../shared/api/adminDrivers';
import type { Device } from '../../../common/device/device';
import { fetchDrivers } from '../api/driversApi';
import { readMetaJson, writeMetaJson } from '../store/metaJson';
import { SnapshotSource } from '../store/snapshotSource';
import { whileConnected } from '../store/whileConnected';

export interface RosterSnapshot {
  readonly drivers: readonly AdminDriver[];
  /** When this device last heard the list (its clock); null when never. Positions are as of then, at best. */
  readonly fetchedAt: number | null;
  /** Server clock minus this device's, from the last answer; null until known. */
  readonly clockOffsetMs: number | null;
}

export type DriverRosterHost = Pick<Device, 'db' | 'getSnapshot' | 'subscribe'>;

const keptSchema = z.object({ drivers: z.array(adminDriverSchema), fetchedAt: z.number() });
const META_KEY = 'admin:drivers';
/** How often the list is asked again while connected: positions move every 10 s on a phone. */
export const ROSTER_EVERY_MS = 10_000;

/**
 * Every driver with shift, load, position and connection, asked of the server every 10 s while the
 * device is connected, and kept on the device so a reload offline still shows who was where, and when.
 */
export class DriverRoster extends SnapshotSource<RosterSnapshot> {
  private asking = false;

  private constructor(private readonly host: DriverRosterHost) {
    super({ drivers: [], fetchedAt: null, clockOffsetMs: null });
  }

  static async open(host: DriverRosterHost): Promise<DriverRoster> {
    const roster = new DriverRoster(host);
    const kept = await readMetaJson(host.db, META_KEY, keptSchema);
    if (kept) roster.publish({ ...kept, clockOffsetMs: null });
    whileConnected(host, ROSTER_EVERY_MS, () => void roster.refresh());
    return roster;
  }

  /** Asks now (after an assignment, a driver's load changed); nothing happens offline. */
  async refresh(): Promise<void> {
    const token = this.host.getSnapshot().session?.token;
    if (!token || this.asking) return;
    this.asking = true;
    try {
      const answer = await fetchDrivers(token);
      if (!answer.ok) return;
      const fetchedAt = Date.now();
      const { drivers, serverTime } = answer.value;
      const clockOffsetMs = serverTime === null ? this.getSnapshot().clockOffsetMs : serverTime - fetchedAt;
      this.publish({ drivers, fetchedAt, clockOffsetMs });
      await writeMetaJson(this.host.db, META_KEY, { drivers, fetchedAt });
    } finally {
      this.asking = false;
    }
  }
}
