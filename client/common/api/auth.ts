import { sessionSchema, type Session } from '../session/session';
import { NETWORK_ERROR_CODE, postJson } from './http';

export type LoginResult = { readonly ok: true; readonly session: Session } | { readonly ok: false; readonly message: string };

export async function requestLogin(email: string, password: string): Promise<LoginResult> {
  const result = await postJson('/api/auth/login', { email, password });
  if (!result.ok) {
    if (result.error.code === NETWORK_ERROR_CODE) {
      return { ok: false, message: 'You are offline. Signing in needs the network once; after that the app works offline.' };
    }
    return { ok: false, message: result.error.message };
  }
  const parsed = sessionSchema.safeParse(result.value);
  return parsed.success
    ? { ok: true, session: parsed.data }
    : { ok: false, message: 'The server sent an answer this app does not understand.' };
}
