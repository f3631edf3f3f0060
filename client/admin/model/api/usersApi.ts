import {
  userResponseSchema,
  usersListSchema,
  type AdminUser,
  type NewUser,
  type UserPatch,
  type UsersList,
} from '../../../../shared/api/adminUsers';
import type { UserId } from '../../../../shared/ids';
import { getJson, patchJson, postJson, readAnswer, type Answer } from '../../../common/api/http';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** `GET /api/admin/users`, drivers' "today" starting at `since` (this device's midnight). */
export async function fetchUsers(token: string, since: number): Promise<Answer<UsersList>> {
  const result = await getJson(`/api/admin/users?since=${since}`, bearer(token));
  return readAnswer(result, usersListSchema, 'The list of accounts could not be read.');
}

/** `POST /api/admin/users`: the account as created, or the server's refusal (`email_taken`, `invalid_body`…). */
export async function createUser(token: string, user: NewUser): Promise<Answer<AdminUser>> {
  const answer = readAnswer(
    await postJson('/api/admin/users', user, bearer(token)),
    userResponseSchema,
    'The new account could not be read.',
  );
  return answer.ok ? { ok: true, value: answer.value.user } : answer;
}

/** `PATCH /api/admin/users/<id>`: the account as it is now, or the server's refusal (`last_admin`…). */
export async function changeUser(token: string, id: UserId, patch: UserPatch): Promise<Answer<AdminUser>> {
  const result = await patchJson(`/api/admin/users/${encodeURIComponent(id)}`, patch, bearer(token));
  const answer = readAnswer(result, userResponseSchema, 'The changed account could not be read.');
  return answer.ok ? { ok: true, value: answer.value.user } : answer;
}
