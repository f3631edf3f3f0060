import { DeviceIdSchema, type DeviceId } from '../api/devices';
import { PRESENCE_APPS, type PresenceApp } from '../api/presence';

/**
 * Query parameters a device adds to its sync socket URL so presence can tell its devices apart:
 * `device=<DeviceId>&app=<outlet|driver|admin>`. Both are optional: a client that sends neither (the
 * stock y-websocket client) is present as its user, app `unknown`.
 */
export const DEVICE_PARAM = 'device';
export const APP_PARAM = 'app';

export interface SocketIdentity {
  readonly deviceId: DeviceId | null;
  readonly app: PresenceApp;
}

export function socketIdentity(params: URLSearchParams): SocketIdentity {
  const device = DeviceIdSchema.safeParse(params.get(DEVICE_PARAM));
  const app = PRESENCE_APPS.find((a) => a === params.get(APP_PARAM)) ?? 'unknown';
  return { deviceId: device.success ? device.data : null, app };
}
