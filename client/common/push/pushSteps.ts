import { fail, ok, type Result } from '../../../shared/result';
import { NETWORK_ERROR_CODE, type ApiError } from '../api/http';
import type { PushPlatform } from './pushPlatform';

/** The steps every "turn notifications on" shares, whoever the token is registered for. */

/** From a tap: the permission, asking the person only when they have not answered yet (before anything is awaited). */
export async function permissionFromTap(platform: PushPlatform): Promise<NotificationPermission> {
  const permission = platform.permission();
  return permission === 'default' ? platform.askPermission() : permission;
}

/** This browser's push token, or why there is none in words a person can act on. */
export async function pushTokenOf(platform: PushPlatform): Promise<Result<string>> {
  try {
    return ok(await platform.token());
  } catch (error) {
    console.warn('dabba: no push token', error);
    return fail('no_token', `Notifications could not be turned on: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Why the server did not take a token. */
export function registrationProblem(error: ApiError): string {
  return error.code === NETWORK_ERROR_CODE ? 'Turning on notifications needs the network. Try again when online.' : error.message;
}

export const BLOCKED_MESSAGE = 'Notifications are blocked for this site. Allow them in the browser’s site settings, then try again.';
export const NOT_ALLOWED_MESSAGE = 'Notifications stay off: the browser was not allowed to show them.';
