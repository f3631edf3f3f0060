import type { DeviceId } from '../../../shared/api/devices';
import type { UnsyncedReportBody } from '../../../shared/api/unsyncedReport';
import type { ReportOutcome } from '../sync/unsyncedReporter';
import { putJson, worthRetrying } from './http';

/** `PUT /api/presence/unsynced` as the signed-in outlet staff: how old this device's oldest unsynced change is. */
export async function putUnsyncedReport(bearer: string, deviceId: DeviceId, oldestAgeMs: number | null): Promise<ReportOutcome> {
  const result = await putJson('/api/presence/unsynced', { deviceId, oldestAgeMs } satisfies UnsyncedReportBody, {
    authorization: `Bearer ${bearer}`,
  });
  if (result.ok) return 'delivered';
  return worthRetrying(result.error) ? 'retry' : 'refused';
}
