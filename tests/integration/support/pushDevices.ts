import type { PushApp } from '../../../shared/api/devices';
import type { Session } from './api';
import { postJson } from './http';

/** A push token as FCM would hand one to a test device: long enough, URL-safe, and unique per name. */
export const pushTokenFor = (name: string): string => `${name}:APA91b-${'x'.repeat(40)}`;

/** Registers `pushToken` for the session's device over POST /api/devices, as the apps do after sign-in; throws unless 201. */
export async function registerPush(baseUrl: string, session: Session, pushToken: string, app: PushApp, deviceId?: string): Promise<void> {
  const res = await postJson(`${baseUrl}/api/devices`, { pushToken, app, ...(deviceId ? { deviceId } : {}) }, { token: session.token });
  if (res.status !== 201) throw new Error(`POST /api/devices failed: ${res.status} ${JSON.stringify(res.body)}`);
}
