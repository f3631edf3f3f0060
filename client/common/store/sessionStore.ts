import { sessionSchema, type Session } from '../session/session';
import type { DabbaDb } from './db';

/** Kept in IndexedDB so a reload with no network still knows who is signed in. */
export async function loadSession(db: DabbaDb): Promise<Session | null> {
  const row = await db.session.get('current');
  if (!row) return null;
  const parsed = sessionSchema.safeParse({ token: row.token, user: row.user });
  return parsed.success ? parsed.data : null;
}

export async function saveSession(db: DabbaDb, session: Session): Promise<void> {
  await db.session.put({ key: 'current', ...session });
}

export async function clearSession(db: DabbaDb): Promise<void> {
  await db.session.delete('current');
}
