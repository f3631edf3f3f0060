import { describe, expect, it } from 'vitest';
import { outletDocName, outletInboxName } from '../../../shared/docNames';
import { newUserId, type OutletId, type UserId } from '../../../shared/ids';
import { CloseCode } from '../../../shared/protocol/closeCodes';
import { hashPassword } from '../../../sync-server/auth/passwords';
import { UserRepo } from '../../../sync-server/storage/users';
import type { Session } from '../support/api';
import { loginAs } from '../support/drivers';
import { errorOf, getJson, postJson } from '../support/http';
import { MuxTestClient } from '../support/muxClient';
import { DEMO_OUTLET } from '../support/server';
import { stockProvider, whenClosed, whenSynced } from '../support/stockClient';
import { useTestServer } from '../support/testServer';

const t = useTestServer();
const PASSWORD = 'a-staff-password';
const OUTLET = DEMO_OUTLET as OutletId;
let counter = 0;

/** A new outlet staff account, signed in: each test ends sessions of its own user only. */
async function newStaff(): Promise<{ id: UserId; email: string; session: Session }> {
  const id = newUserId();
  const email = `staff-${++counter}@sessions.dabba.local`;
  await new UserRepo(t.server.sql).insert({
    id,
    email,
    name: 'Staff',
    role: 'outlet',
    outletId: OUTLET,
    passwordHash: await hashPassword(PASSWORD),
  });
  return { id, email, session: await loginAs(t.url, email, PASSWORD) };
}

const history = (token: string) => getJson(`${t.url}/api/orders`, { token });

describe('tokens of users who are gone, disabled or signed out', () => {
  it('refuses the token of a deleted user with 401 account_deleted', async () => {
    const staff = await newStaff();
    expect((await history(staff.session.token)).status).toBe(200);
    await t.server.sql.deleteFrom('users').where('id', '=', staff.id).execute();
    const res = await history(staff.session.token);
    expect(res.status).toBe(401);
    expect(errorOf(res)).toEqual({ code: 'account_deleted', message: 'This account no longer exists.' });
  });

  it('refuses a disabled user’s token and sign-in, and an enabled user signs in anew', async () => {
    const staff = await newStaff();
    expect(await t.server.accounts.disableUser(staff.id)).toBe(true);
    const res = await history(staff.session.token);
    expect(res.status).toBe(401);
    expect(errorOf(res)).toEqual({ code: 'account_disabled', message: 'This account has been disabled; ask an admin.' });
    const signIn = await postJson(`${t.url}/api/auth/login`, { email: staff.email, password: PASSWORD });
    expect(signIn.status).toBe(403);
    expect(errorOf(signIn)?.code).toBe('account_disabled');

    expect(await t.server.accounts.enableUser(staff.id)).toBe(true);
    expect(errorOf(await history(staff.session.token))?.code).toBe('session_revoked');
    const again = await loginAs(t.url, staff.email, PASSWORD);
    expect((await history(again.token)).status).toBe(200);
  });

  it('revokes every token of a user at once, while new sign-ins work', async () => {
    const staff = await newStaff();
    const second = await loginAs(t.url, staff.email, PASSWORD);
    expect(await t.server.accounts.revokeSessions(staff.id)).toBe(true);
    for (const token of [staff.session.token, second.token]) {
      const res = await history(token);
      expect(res.status).toBe(401);
      expect(errorOf(res)).toEqual({ code: 'session_revoked', message: 'This sign-in has been ended; sign in again.' });
    }
    expect((await history((await loginAs(t.url, staff.email, PASSWORD)).token)).status).toBe(200);
    expect((await history(t.outlet.token)).status).toBe(200);
  });

  it('says there is no such user when asked to disable, enable or revoke one', async () => {
    const nobody = newUserId();
    expect(await t.server.accounts.disableUser(nobody)).toBe(false);
    expect(await t.server.accounts.enableUser(nobody)).toBe(false);
    expect(await t.server.accounts.revokeSessions(nobody)).toBe(false);
  });
});

describe('live sockets of a user whose sessions end', () => {
  it('closes the user’s /sync and /sync/<doc> sockets with REVOKED when the user is disabled, and no one else’s', async () => {
    const staff = await newStaff();
    const tablet = await MuxTestClient.connect(t.url, staff.session.token);
    await tablet.open(outletInboxName(OUTLET));
    const stock = stockProvider(t.url, outletDocName(OUTLET), staff.session.token);
    await whenSynced(stock);
    const colleague = await MuxTestClient.connect(t.url, t.outlet.token);
    await colleague.open(outletInboxName(OUTLET));

    const stockClosed = whenClosed(stock);
    await t.server.accounts.disableUser(staff.id);
    expect(await tablet.closed()).toBe(CloseCode.REVOKED);
    expect(await stockClosed).toBe(CloseCode.REVOKED);
    expect(colleague.closeCode).toBeNull();
    expect(await colleague.open(outletDocName(OUTLET))).toBeDefined();
    colleague.close();
  });

  it('closes the user’s sockets with REVOKED when their sessions are revoked', async () => {
    const staff = await newStaff();
    const tablet = await MuxTestClient.connect(t.url, staff.session.token);
    await tablet.open(outletInboxName(OUTLET));
    await t.server.accounts.revokeSessions(staff.id);
    expect(await tablet.closed()).toBe(CloseCode.REVOKED);
  });

  it('refuses a revoked token when a socket connects', async () => {
    const staff = await newStaff();
    await t.server.accounts.revokeSessions(staff.id);
    const tablet = await MuxTestClient.connect(t.url, staff.session.token);
    expect(await tablet.closed()).toBe(CloseCode.REVOKED);
    const stock = stockProvider(t.url, outletDocName(OUTLET), staff.session.token);
    expect(await whenClosed(stock)).toBe(CloseCode.REVOKED);
  });

  it('checks the user again on each subscribe, so a change made behind the sync layer’s back still counts', async () => {
    const staff = await newStaff();
    const tablet = await MuxTestClient.connect(t.url, staff.session.token);
    await tablet.open(outletInboxName(OUTLET));
    await new UserRepo(t.server.sql).revokeSessions(staff.id);
    void tablet.subscribe(outletDocName(OUTLET));
    expect(await tablet.closed()).toBe(CloseCode.REVOKED);
  });
});
