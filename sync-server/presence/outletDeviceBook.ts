import { z } from 'zod';
import { DeviceIdSchema, type DeviceId } from '../../shared/api/devices';
import { OutletIdSchema, type OutletId } from '../../shared/ids';

/**
 * What presence remembers of an outlet's devices after their sockets are gone: kept this long since it
 * was written, so a tablet switched off over a long weekend still counts when it is asked about.
 */
export const OUTLET_DEVICES_KEPT_MS = 7 * 24 * 3_600_000;

/**
 * What an outlet device last said of the changes it made that the server has not received. `oldest`:
 * when the oldest of them was made (its age put on the server's clock), `none`, or `unknown` (its app
 * does not say). `at`: when it said so. Server epoch ms.
 */
export const unsyncedReportSchema = z.object({
  deviceId: DeviceIdSchema,
  outletId: OutletIdSchema,
  oldest: z.union([z.number(), z.enum(['none', 'unknown'])]),
  at: z.number(),
});
export type UnsyncedReport = z.infer<typeof unsyncedReportSchema>;

/** The last time a socket of the device was open (when it closed, or a heartbeat saw it). Server epoch ms. */
export const deviceContactSchema = z.object({ deviceId: DeviceIdSchema, outletId: OutletIdSchema, at: z.number() });
export type DeviceContact = z.infer<typeof deviceContactSchema>;

export interface OutletDeviceRecords {
  readonly reports: readonly UnsyncedReport[];
  readonly contacts: readonly DeviceContact[];
}

/** A device signed in as an outlet's staff, as its sync socket names it. */
export interface OutletDevice {
  readonly deviceId: DeviceId;
  readonly outletId: OutletId;
}

interface Timed {
  readonly deviceId: DeviceId;
  readonly at: number;
}

/** Keeps `record` unless one at least as new is known: nodes and requests may arrive out of order. */
function keepNewer<T extends Timed>(into: Map<DeviceId, T>, record: T): void {
  const known = into.get(record.deviceId);
  if (!known || known.at <= record.at) into.set(record.deviceId, record);
}

function fresh<T extends Timed>(from: Map<DeviceId, T>, now: number): T[] {
  for (const [id, record] of from) if (now - record.at > OUTLET_DEVICES_KEPT_MS) from.delete(id);
  return [...from.values()];
}

/** The newest record of each device from two sources (this node's memory and Redis). */
export function mergeRecords(a: OutletDeviceRecords, b: OutletDeviceRecords): OutletDeviceRecords {
  const reports = new Map<DeviceId, UnsyncedReport>();
  const contacts = new Map<DeviceId, DeviceContact>();
  for (const r of [...a.reports, ...b.reports]) keepNewer(reports, r);
  for (const c of [...a.contacts, ...b.contacts]) keepNewer(contacts, c);
  return { reports: [...reports.values()], contacts: [...contacts.values()] };
}

/** Outlet devices' reports and last contacts in this process's memory, one of each per device, newest kept. */
export class OutletDeviceBook {
  private readonly reports = new Map<DeviceId, UnsyncedReport>();
  private readonly contacts = new Map<DeviceId, DeviceContact>();

  report(report: UnsyncedReport): void {
    keepNewer(this.reports, report);
  }

  contact(contact: DeviceContact): void {
    keepNewer(this.contacts, contact);
  }

  /** What was written in the last OUTLET_DEVICES_KEPT_MS; older records are dropped as they are met. */
  records(now: number): OutletDeviceRecords {
    return { reports: fresh(this.reports, now), contacts: fresh(this.contacts, now) };
  }
}

/** The report a socket's URL makes: what it says (age → server time), or `unknown` when it says nothing. */
export function reportOf(device: OutletDevice, oldestAgeMs: number | null | undefined, now: number): UnsyncedReport {
  const oldest = oldestAgeMs === undefined ? 'unknown' : oldestAgeMs === null ? 'none' : now - oldestAgeMs;
  return { ...device, oldest, at: now };
}

/** The outlet device a socket is, when it is one: signed in as an outlet's staff and naming its device. */
export function outletDeviceOf(socket: { readonly outletId: OutletId | null; readonly deviceId: DeviceId | null }): OutletDevice | null {
  return socket.outletId !== null && socket.deviceId !== null ? { deviceId: socket.deviceId, outletId: socket.outletId } : null;
}
