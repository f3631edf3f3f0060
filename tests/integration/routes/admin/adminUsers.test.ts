import { describe, expect, it } from 'vitest';
import { userResponseSchema, usersListSchema, type AdminUser } from '../../../../shared/api/adminUsers';
import { loginAs } from '../../support/drivers';
import { errorOf, getJson, patchJson, postJson } from '../../support/http';
import { MuxTestClient } from '../../support/muxClient';
import { pollUntil } from '../../support/poll';
import { DEMO_OUTLET } from '../../support/server';
import { useTestServer } from '../../support/testServer';

const t = useTestServer();
const USERS = () => `${t.url}/api/admin/users`;
const PASSWORD = 'a-new-password';
let counter = 0;
const email = (who: string) => `${who}-${++counter}@people.dabba.local`;

const list = async (query = '') => usersListSchema.parse((await getJson(`${USERS()}${query}`, { token: t.admin.token })).body);
const create = (body: object) => postJson(USERS(), body, { token: t.admin.token });

describe('/api/admin/users: who may use it', () => {
  it('answers 401 without a sign-in and 403 to outlet staff and drivers, for every method', async () => {
    const id = t.outlet.user.id;
    expect((await getJson(USERS())).status).toBe(401);
    expect((await postJson(USERS(), {})).status).toBe(401);
    expect((await patchJson(`${USERS()}/${id}`, { name: 'x' })).status).toBe(401);
    for (const who of [t.outlet, t.driver]) {
      const tries = [
        await getJson(USERS(), { token: who.token }),
        await postJson(USERS(), { role: 'admin', email: email('x'), name: 'X', password: PASSWORD }, { token: who.token }),
        await patchJson(`${USERS()}/${id}`, { name: 'x' }, { token: who.token }),
      ];
      for (const res of tries) {
        expect(res.status).toBe(403);
        expect(errorOf(res)?.code).toBe('forbidden');
      }
    }
  });
});

describe('GET /api/admin/users', () => {
  it('lists every account with its role, outlet and state; drivers with their shift and day', async () => {
    const { users, since } = await list();
    const byEmail = new Map(users.map((u) => [u.email, u]));
    expect(byEmail.get('admin@dabba.local')).toMatchObject({ role: 'admin', outletId: null, disabled: false, driver: null });
    expect(byEmail.get('outlet@dabba.local')).toMatchObject({ role: 'outlet', outletId: DEMO_OUTLET, name: 'Kitchen Staff' });
    expect(byEmail.get('driver@dabba.local')).toMatchObject({
      role: 'driver',
      name: 'Ravi Kumar',
      driver: { phone: '+91 98450 22222', onShift: false, activeOrders: 0, deliveriesToday: 0, cashCollectedToday: [] },
    });
    expect(since).toBeLessThanOrEqual(Date.now());
    expect(users.map((u) => u.role).indexOf('driver')).toBeGreaterThan(users.map((u) => u.role).lastIndexOf('admin'));
  });

  it('narrows by role and outlet, and counts the devices each user has connected', async () => {
    const tablet = await MuxTestClient.connect(t.url, t.outlet.token, { device: 'tablet-1', app: 'outlet' });
    const staff = await pollUntil(
      () => list(`?role=outlet&outletId=${DEMO_OUTLET}`),
      (l) => l.users.some((u) => u.liveDevices === 1),
      'the tablet to count',
    );
    expect(staff.users.every((u) => u.role === 'outlet' && u.outletId === DEMO_OUTLET)).toBe(true);
    tablet.close();
    expect((await getJson(`${USERS()}?role=chef`, { token: t.admin.token })).status).toBe(400);
  });
});

describe('POST /api/admin/users', () => {
  const made = (res: { body: unknown }): AdminUser => userResponseSchema.parse(res.body).user;

  it('makes an admin and outlet staff who can sign in at once', async () => {
    const admin = await create({ role: 'admin', email: email('Boss'), name: 'Boss', password: PASSWORD });
    expect(admin.status).toBe(201);
    expect(made(admin)).toMatchObject({ role: 'admin', name: 'Boss', outletId: null, disabled: false, driver: null });
    expect(made(admin).email).toMatch(/^boss-\d+@people\.dabba\.local$/);
    const staff = await create({ role: 'outlet', email: email('cook'), name: 'Cook', password: PASSWORD, outletId: DEMO_OUTLET });
    expect(made(staff)).toMatchObject({ role: 'outlet', outletId: DEMO_OUTLET });
    const session = await loginAs(t.url, made(staff).email, PASSWORD);
    expect(session.user).toMatchObject({ role: 'outlet', outletId: DEMO_OUTLET });
  });

  it('makes a driver with their driver record, off shift until they start', async () => {
    const res = await create({
      role: 'driver',
      email: email('rider'),
      name: 'Rider',
      password: PASSWORD,
      phone: '+91 98450 33333',
      capacity: 3,
    });
    expect(res.status).toBe(201);
    expect(made(res).driver).toMatchObject({ phone: '+91 98450 33333', capacity: 3, onShift: false, activeOrders: 0 });
    const session = await loginAs(t.url, made(res).email, PASSWORD);
    const me = await getJson<{ onShift: boolean }>(`${t.url}/api/driver/me`, { token: session.token });
    expect(me.status).toBe(200);
    expect(me.body.onShift).toBe(false);
  });

  it('refuses an email already in use, whatever its case, with 409', async () => {
    const res = await create({ role: 'admin', email: 'ADMIN@dabba.local', name: 'Twin', password: PASSWORD });
    expect(res.status).toBe(409);
    expect(errorOf(res)?.code).toBe('email_taken');
    const driver = await create({
      role: 'driver',
      email: 'Driver@Dabba.local',
      name: 'Twin',
      password: PASSWORD,
      phone: '+91 98450 44444',
    });
    expect(errorOf(driver)?.code).toBe('email_taken');
  });

  it('refuses an unknown outlet, a short password and fields of another role', async () => {
    const outlet = await create({ role: 'outlet', email: email('x'), name: 'X', password: PASSWORD, outletId: 'nowhere' });
    expect(outlet.status).toBe(422);
    expect(errorOf(outlet)?.code).toBe('unknown_outlet');
    const short = await create({ role: 'admin', email: email('x'), name: 'X', password: 'short' });
    expect(short.status).toBe(400);
    expect(errorOf(short)?.message).toMatch(/password/);
    expect((await create({ role: 'admin', email: email('x'), name: 'X', password: PASSWORD, outletId: DEMO_OUTLET })).status).toBe(400);
  });
});
