import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDabbaDb } from '../../../../client/common/store/db';
import { clearSession, loadSession, saveSession } from '../../../../client/common/store/sessionStore';
import { sessionActor, sessionSchema } from '../../../../client/common/session/session';

const session = sessionSchema.parse({ token: 'jwt', user: { id: 'u1', role: 'outlet', outletId: 'demo-outlet' } });

describe('session store', () => {
  it('keeps the signed-in user across a reopen of the store, until cleared', async () => {
    await saveSession(openDabbaDb('session-test'), session);
    const reopened = openDabbaDb('session-test');
    expect(await loadSession(reopened)).toEqual(session);
    await clearSession(reopened);
    expect(await loadSession(reopened)).toBeNull();
  });
});

describe('sessionActor', () => {
  it('acts as the outlet the account belongs to', () => {
    expect(sessionActor(session.user)).toEqual({ id: 'u1', role: 'outlet', outletId: 'demo-outlet' });
  });

  it('cannot act for an outlet account with no outlet', () => {
    expect(sessionActor(sessionSchema.parse({ token: 't', user: { id: 'u2', role: 'outlet' } }).user)).toBeNull();
  });
});
