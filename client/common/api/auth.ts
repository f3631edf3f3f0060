import { fail, type Result } from '../../../shared/result';
import { sessionSchema, type Session } from '../session/session';
import { NETWORK_ERROR_CODE, postJson, readAnswer } from './http';

export type LoginResult = Result<Session>;

export async function requestLogin(email: string, password: string): Promise<LoginResult> {
  const answer = readAnswer(
    await postJson('/api/auth/login', { email, password }),
    sessionSchema,
    'The server sent an answer this app does not understand.',
  );
  if (!answer.ok && answer.error.code === NETWORK_ERROR_CODE) {
    return fail(NETWORK_ERROR_CODE, 'You are offline. Signing in needs the network once; after that the app works offline.');
  }
  return answer;
}
