import { describe, expect, it } from 'vitest';
import { userResponseSchema, type AdminUser } from '../../../../shared/api/adminUsers';
import { outletInboxName } from '../../../../shared/docNames';
import { newUserId, OutletIdSchema, UserIdSchema } from '../../../../shared/ids';
import { CloseCode } from '../../../../shared/protocol/closeCodes';
import { changeUser } from '../../../../sync-server/people/changeUser';
import { UserRepo } from '../../../../sync-server/storage/users';
import { login, type Session } from '../../support/api';
import { loginAs } from '../../support/drivers';
import { errorOf, getJson, patchJson, postJson, type JsonResponse } from '../../support/http';
import { MuxTestClient } from '../../support/muxClient';
import { setUpOutlet } from '../../support/outletDoc';
import { DEMO_OUTLET, startTestServer } from '../../support/server';
import { useTestServer } from '../../support/testServer';

const t = useTestServer();
const PASSWORD = 'a-new-password';
let counter = 0;

/** A new account made through the API, signed in: each test changes its own. */
async function newAccount(body: object, url = t.url, token = t.admin.token): Promise<{ user: AdminUser; session: Session; email: string }> {
  const email = `person-${++counter}@changes.dabba.local`;
  const res = await postJson(`${url}/api/admin/users`, { email, name: 'Person', password: PASSWORD, ...body }, { token });
  const { user } = userResponseSchema.parse(res.body);
  return { user, email, session: await loginAs(url, email, PASSWORD) };
}

const patch = (id: string, body: object, token = t.admin.token, url = t.url): Promise<JsonResponse> =>
  patchJson(`${url}/api/admin/users/${id}`, body, { token });
const changed = (res: JsonResponse): AdminUser => userResponseSchema.parse(res.body).user;

describe('PATCH /api/admin/users/<id>: disabling', () => {
  it('signs the user out everywhere at once: their open app is closed and their token refused', async () => {
    const staff = await newAccount({ role: 'outlet', outletId: DEMO_OUTLET });
    const tablet = await MuxTestClient.connect(t.url, staff.session.token, { device: 'tablet-9', app: 'outlet' });
    await tablet.open(outletInboxName(OutletIdSchema.parse(DEMO_OUTLET)));

    const res = await patch(staff.user.id, { disabled: true });
    expect(res.status).toBe(200);
    expect(changed(res).disabled).toBe(true);
    expect(await tablet.closed()).toBe(CloseCode.REVOKED);
    expect(errorOf(await getJson(`${t.url}/api/orders`, { token: staff.session.token }))?.code).toBe('account_disabled');
    expect(errorOf(await postJson(`${t.url}/api/auth/login`, { email: staff.email, password: PASSWORD }))?.code).toBe('account_disabled');

    expect(changed(await patch(staff.user.id, { disabled: false })).disabled).toBe(false);
    expect((await loginAs(t.url, staff.email, PASSWORD)).user.id).toBe(staff.user.id);
  });

  it('takes a disabled driver off shift', async () => {
    const driver = await newAccount({ role: 'driver', phone: '+91 98450 55555' });
    expect((await postJson(`${t.url}/api/driver/shift`, { onShift: true }, { token: driver.session.token })).status).toBe(200);
    expect(changed(await patch(driver.user.id, { disabled: true })).driver?.onShift).toBe(false);
  });

  it('refuses to let an admin disable themselves', async () => {
    const res = await patch(t.admin.user.id, { disabled: true });
    expect(res.status).toBe(409);
    expect(errorOf(res)?.code).toBe('cannot_disable_self');
  });

  it('never disables the last enabled admin', async () => {
    const deps = { sql: t.server.sql, accounts: t.server.accounts, offShift: () => undefined };
    const users = new UserRepo(t.server.sql);
    const others = (await users.list()).filter((u) => u.role === 'admin' && !u.disabled && u.id !== t.admin.user.id);
    // Asked by anyone else (a service, a race): every admin but one may go, and not that one.
    for (const admin of others) expect((await changeUser(deps, newUserId(), admin.id, { disabled: true }, Date.now())).ok).toBe(true);
    const last = await changeUser(deps, newUserId(), UserIdSchema.parse(t.admin.user.id), { disabled: true }, Date.now());
    expect(last.ok ? null : last.error.code).toBe('last_admin');
    for (const admin of others) await t.server.accounts.enableUser(admin.id);
  });

  it('leaves one of the last two admins who disable each other at the same moment, race after race', async () => {
    // A server of its own: the shared one's demo admin must stay enabled, with its sign-in, for the other tests.
    const srv = await startTestServer();
    try {
      const users = new UserRepo(srv.sql);
      // The one enabled admin: each race's survivor adds the next pair, who disable it and then race.
      let survivor = await login(srv.url, 'admin');
      for (let race = 0; race < 3; race++) {
        const a = await newAccount({ role: 'admin' }, srv.url, survivor.token);
        const b = await newAccount({ role: 'admin' }, srv.url, survivor.token);
        expect((await patch(survivor.user.id, { disabled: true }, a.session.token, srv.url)).status).toBe(200);
        const statuses = await Promise.all([
          patch(b.user.id, { disabled: true }, a.session.token, srv.url),
          patch(a.user.id, { disabled: true }, b.session.token, srv.url),
        ]);
        expect(statuses.map((res) => res.status).filter((status) => status === 200)).toHaveLength(1);
        const stored = await Promise.all([a, b].map((admin) => users.findById(admin.user.id)));
        const enabled = [a, b].filter((_, i) => stored[i]?.disabled === false);
        expect(enabled).toHaveLength(1);
        survivor = enabled[0]?.session ?? survivor;
      }
    } finally {
      await srv.close();
    }
  });
});

describe('PATCH /api/admin/users/<id>: other changes', () => {
  it('resets a password and ends the old sign-ins', async () => {
    const staff = await newAccount({ role: 'outlet', outletId: DEMO_OUTLET });
    const tablet = await MuxTestClient.connect(t.url, staff.session.token);
    await tablet.open(outletInboxName(OutletIdSchema.parse(DEMO_OUTLET)));
    expect((await patch(staff.user.id, { password: 'another-password' })).status).toBe(200);
    expect(await tablet.closed()).toBe(CloseCode.REVOKED);
    expect(errorOf(await getJson(`${t.url}/api/orders`, { token: staff.session.token }))?.code).toBe('session_revoked');
    expect((await postJson(`${t.url}/api/auth/login`, { email: staff.email, password: PASSWORD })).status).toBe(401);
    expect((await loginAs(t.url, staff.email, 'another-password')).user.id).toBe(staff.user.id);
  });

  it('moves outlet staff to another outlet; their next sign-in is for it', async () => {
    await setUpOutlet(t.url, t.admin, 'second-kitchen', 'Second Kitchen');
    const staff = await newAccount({ role: 'outlet', outletId: DEMO_OUTLET });
    expect(changed(await patch(staff.user.id, { outletId: 'second-kitchen' })).outletId).toBe('second-kitchen');
    expect(errorOf(await getJson(`${t.url}/api/orders`, { token: staff.session.token }))?.code).toBe('session_revoked');
    expect((await loginAs(t.url, staff.email, PASSWORD)).user.outletId).toBe('second-kitchen');
    const nowhere = await patch(staff.user.id, { outletId: 'nowhere' });
    expect([nowhere.status, errorOf(nowhere)?.code]).toEqual([422, 'unknown_outlet']);
  });

  it('renames anyone, and moves only outlet staff', async () => {
    const driver = await newAccount({ role: 'driver', phone: '+91 98450 66666' });
    expect(changed(await patch(driver.user.id, { name: 'Renamed Rider' })).name).toBe('Renamed Rider');
    // A rename leaves the sign-in alone.
    expect((await getJson(`${t.url}/api/driver/me`, { token: driver.session.token })).status).toBe(200);
    const move = await patch(driver.user.id, { outletId: DEMO_OUTLET });
    expect([move.status, errorOf(move)?.code]).toEqual([422, 'not_outlet_staff']);
  });

  it('answers 404 for an unknown user and 400 for an empty or unknown change', async () => {
    const unknown = await patch(newUserId(), { name: 'Ghost' });
    expect([unknown.status, errorOf(unknown)?.code]).toEqual([404, 'not_found']);
    expect((await patch('not:an:id', { name: 'Ghost' })).status).toBe(404);
    expect(errorOf(await patch(t.driver.user.id, {}))?.code).toBe('invalid_body');
    expect(errorOf(await patch(t.driver.user.id, { role: 'admin' }))?.code).toBe('invalid_body');
  });
});
