import { adminDriverListSchema, type AdminDriver } from '../../../../shared/api/adminDrivers';
import { fail, ok, type Result } from '../../../../shared/result';
import { getJsonTimed, readAnswer } from '../../../common/api/http';

export interface DriversAnswer {
  readonly drivers: readonly AdminDriver[];
  /** The server's clock when it answered (its Date header), null when it did not say. */
  readonly serverTime: number | null;
}

/** `GET /api/admin/drivers` as the signed-in admin. */
export async function fetchDrivers(token: string): Promise<Result<DriversAnswer>> {
  const { result, serverTime } = await getJsonTimed('/api/admin/drivers', { authorization: `Bearer ${token}` });
  const answer = readAnswer(result, adminDriverListSchema, 'The drivers list could not be read.');
  return answer.ok ? ok({ drivers: answer.value.drivers, serverTime }) : fail(answer.error.code, answer.error.message);
}
