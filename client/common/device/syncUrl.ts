import type { DeviceId, PushApp } from '../../../shared/api/devices';
import { UNSYNCED_PARAM, unsyncedParamValue } from '../../../shared/api/unsyncedReport';
import { APP_PARAM, DEVICE_PARAM } from '../../../shared/protocol/socketIdentity';
import { PROTOCOL_VERSION } from '../../../shared/protocol/version';

/** Which device and app a socket comes from, so presence can tell a user's tablets and phones apart. */
export interface SyncIdentity {
  readonly deviceId: DeviceId;
  readonly app: PushApp;
}

/**
 * The multiplexed sync socket on the page's own origin. `unsyncedAgeMs`: how old the device's oldest
 * change the server has not acknowledged is (null: none), for an outlet device; left out, the URL says nothing of it.
 */
export function syncUrl(
  location: { readonly protocol: string; readonly host: string },
  token: string,
  identity: SyncIdentity,
  unsyncedAgeMs?: number | null,
): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const query = new URLSearchParams({ v: String(PROTOCOL_VERSION), token, [DEVICE_PARAM]: identity.deviceId, [APP_PARAM]: identity.app });
  if (unsyncedAgeMs !== undefined) query.set(UNSYNCED_PARAM, unsyncedParamValue(unsyncedAgeMs));
  return `${scheme}//${location.host}/sync?${query.toString()}`;
}
