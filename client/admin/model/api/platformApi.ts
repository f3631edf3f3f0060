import { platformSchema, type Platform } from '../../../../shared/api/adminPlatform';
import { presenceListSchema, type PresenceList } from '../../../../shared/api/presence';
import { getJson, readAnswer, type Answer } from '../../../common/api/http';

/** `GET /api/admin/platform` as the signed-in admin. */
export async function fetchPlatform(token: string): Promise<Answer<Platform>> {
  const result = await getJson('/api/admin/platform', { authorization: `Bearer ${token}` });
  return readAnswer(result, platformSchema, 'The platform’s health could not be read.');
}

/** `GET /api/presence` as the signed-in admin: every signed-in socket. */
export async function fetchPresence(token: string): Promise<Answer<PresenceList>> {
  const result = await getJson('/api/presence', { authorization: `Bearer ${token}` });
  return readAnswer(result, presenceListSchema, 'The list of connected devices could not be read.');
}
