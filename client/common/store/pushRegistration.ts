import type { PushApp } from '../../../shared/api/devices';
import type { DabbaDb, PushRegistrationRow } from './db';

/** Nothing registered, and nobody turned notifications off: what a device starts as. */
export const NO_PUSH_REGISTRATION: PushRegistrationRow = { key: 'current', wanted: true, token: null, userId: null, app: null };

export async function loadPushRegistration(db: DabbaDb): Promise<PushRegistrationRow> {
  return (await db.pushRegistration.get('current')) ?? NO_PUSH_REGISTRATION;
}

/** The server accepted `token` for `userId` in `app`. */
export async function savePushToken(db: DabbaDb, token: string, userId: string, app: PushApp): Promise<void> {
  await db.pushRegistration.put({ key: 'current', wanted: true, token, userId, app });
}

/** No token is registered any more; `wanted` says whether the next sign-in should register one. */
export async function clearPushToken(db: DabbaDb, wanted: boolean): Promise<void> {
  await db.pushRegistration.put({ ...NO_PUSH_REGISTRATION, wanted });
}
