import type { OutletBacklog } from '../../shared/api/adminPlatform';
import type { DeviceId } from '../../shared/api/devices';
import type { LiveDevice } from '../../shared/api/presence';
import type { OutletId } from '../../shared/ids';
import type { DeviceContact, OutletDeviceRecords, UnsyncedReport } from '../presence/outletDeviceBook';

/**
 * Each outlet's changes its devices hold and the server has not received, from what presence knows: the
 * outlet's live sockets, and its devices' last reports and contacts. `slackMs` is how long before its
 * recorded last contact a device may have made a change it never reported (its reports trail by
 * seconds, and a half-open socket counts as open until the keepalive gives up on it), so `unseenSince`
 * starts that much earlier and stays a true bound. Pure: every node reading the same presence agrees.
 */
export function outletBacklogs(
  outletIds: readonly OutletId[],
  live: readonly LiveDevice[],
  records: OutletDeviceRecords,
  slackMs: number,
): OutletBacklog[] {
  return outletIds.map((outletId) => {
    const sockets = live.filter((d) => d.role === 'outlet' && d.outletId === outletId);
    const connectedIds = new Set(sockets.flatMap((d) => (d.deviceId === null ? [] : [d.deviceId])));
    const reports = new Map<DeviceId, UnsyncedReport>(records.reports.filter((r) => r.outletId === outletId).map((r) => [r.deviceId, r]));
    const says = (deviceId: DeviceId | null): boolean => deviceId !== null && (reports.get(deviceId)?.oldest ?? 'unknown') !== 'unknown';
    const away = records.contacts.filter((c) => c.outletId === outletId && !connectedIds.has(c.deviceId));

    let oldest: OutletBacklog['oldest'] = null;
    for (const r of reports.values()) {
      if (typeof r.oldest !== 'number' || (oldest && oldest.at <= r.oldest)) continue;
      oldest = { at: r.oldest, deviceId: r.deviceId, reportedAt: r.at, connected: connectedIds.has(r.deviceId) };
    }
    const latest = away.reduce<number | null>((at, c) => (at === null || c.at > at ? c.at : at), null);
    const earliest = away.reduce<DeviceContact | null>((first, c) => (first === null || c.at < first.at ? c : first), null);
    return {
      outletId,
      connected: sockets.length,
      unreported: sockets.filter((d) => !says(d.deviceId)).length + away.filter((c) => !says(c.deviceId)).length,
      oldest,
      lastHeardAt: sockets.length > 0 ? null : latest,
      unseenSince: earliest ? { at: earliest.at - slackMs, deviceId: earliest.deviceId } : null,
    };
  });
}
