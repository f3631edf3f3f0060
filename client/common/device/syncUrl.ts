import type { DeviceId, PushApp } from '../../../shared/api/devices';
import { APP_PARAM, DEVICE_PARAM } from '../../../shared/protocol/socketIdentity';
import { PROTOCOL_VERSION } from '../../../shared/protocol/version';

/** Which device and app a socket comes from, so presence can tell a user's tablets and phones apart. */
export interface SyncIdentity {
  readonly deviceId: DeviceId;
  readonly app: PushApp;
}

/** The multiplexed sync socket on the page's own origin. */
export function syncUrl(location: { readonly protocol: string; readonly host: string }, token: string, identity: SyncIdentity): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const query = new URLSearchParams({ v: String(PROTOCOL_VERSION), token, [DEVICE_PARAM]: identity.deviceId, [APP_PARAM]: identity.app });
  return `${scheme}//${location.host}/sync?${query.toString()}`;
}
