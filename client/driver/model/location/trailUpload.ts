import { worthRetrying } from '../../../common/api/http';
import type { DabbaDb } from '../../../common/store/db';
import { dropLocations, oldestLocations } from '../../../common/store/locations';
import type { PassResult } from '../../../common/sync/retryLoop';
import type { DriverApi, TrailPoint } from '../driverApi';

/** The most points `POST /api/driver/locations` takes in one batch. */
export const TRAIL_BATCH = 500;
/** The server takes accuracies up to 100 km; a worse one is no less true said as 100 km. */
const MAX_ACCURACY = 100_000;

export interface TrailUploadDeps {
  readonly db: DabbaDb;
  readonly driverId: string;
  readonly api: DriverApi;
}

/**
 * Sends the oldest buffered points (with their device times) and forgets them once the server has
 * them. A batch the server refuses for good (a point from a clock far ahead) is dropped rather than
 * blocking every later point behind it.
 */
export async function uploadTrail({ db, driverId, api }: TrailUploadDeps): Promise<PassResult> {
  const rows = await oldestLocations(db, driverId, TRAIL_BATCH);
  if (rows.length === 0) return 'idle';
  const points: TrailPoint[] = rows.map((r) => ({
    lat: r.lat,
    lng: r.lng,
    at: r.at,
    ...(r.accuracy === null ? {} : { accuracy: Math.min(r.accuracy, MAX_ACCURACY) }),
  }));
  const answer = await api.locations(points);
  if (!answer.ok && worthRetrying(answer.error)) return 'retry';
  if (!answer.ok) console.warn(`dabba: the server refused ${rows.length} trail points: ${answer.error.message}`);
  await dropLocations(
    db,
    rows.map((r) => r.id),
  );
  return rows.length === TRAIL_BATCH ? 'again' : 'idle';
}
