import { describe, expect, it } from 'vitest';
import type { UserId } from '../../../shared/ids';
import { PushTokens } from '../../../sync-server/storage/pushTokens';
import { errorOf, postJson } from '../support/http';
import { useTestServer } from '../support/testServer';

const TABLET_TOKEN = `tablet-token-${'a'.repeat(40)}`;

const remove = (url: string, token?: string): Promise<Response> =>
  fetch(url, { method: 'DELETE', headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('POST /api/devices and DELETE /api/devices/:pushToken', () => {
  const t = useTestServer();
  const stored = () => new PushTokens(t.server.sql);
  const register = (body: unknown, token?: string) => postJson(`${t.url}/api/devices`, body, token ? { token } : {});

  it('registers the caller’s device for their app, and only their app', async () => {
    const created = await register({ pushToken: TABLET_TOKEN, app: 'outlet', deviceId: 'tablet-1' }, t.outlet.token);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ pushToken: TABLET_TOKEN, app: 'outlet' });
    expect(await stored().ofUser(t.outlet.user.id as UserId)).toEqual([
      { token: TABLET_TOKEN, userId: t.outlet.user.id, app: 'outlet', deviceId: 'tablet-1' },
    ]);

    const wrongApp = await register({ pushToken: TABLET_TOKEN, app: 'driver' }, t.outlet.token);
    expect(wrongApp.status).toBe(403);
    expect(errorOf(wrongApp)?.code).toBe('wrong_app');
    expect((await register({ pushToken: TABLET_TOKEN, app: 'admin' }, t.driver.token)).status).toBe(403);
  });

  it('refuses callers without a sign-in, and bodies that are not a registration', async () => {
    expect((await register({ pushToken: TABLET_TOKEN, app: 'outlet' })).status).toBe(401);
    for (const body of [
      { pushToken: 'short', app: 'outlet' },
      { pushToken: TABLET_TOKEN },
      { pushToken: `${TABLET_TOKEN}/x`, app: 'outlet' },
    ]) {
      const res = await register(body, t.outlet.token);
      expect(res.status).toBe(400);
      expect(errorOf(res)?.code).toBe('invalid_body');
    }
    const huge = await register({ pushToken: 'x'.repeat(9000), app: 'outlet' }, t.outlet.token);
    expect(huge.status).toBe(413);
  });

  it('moves a token registered again to the new caller, whose token it then is to remove', async () => {
    const shared = `shared-tablet-${'b'.repeat(40)}`;
    expect((await register({ pushToken: shared, app: 'outlet' }, t.outlet.token)).status).toBe(201);
    expect((await register({ pushToken: shared, app: 'admin' }, t.admin.token)).status).toBe(201);

    expect((await remove(`${t.url}/api/devices/${shared}`, t.outlet.token)).status).toBe(404);
    expect((await stored().ofUser(t.admin.user.id as UserId)).map((r) => r.token)).toContain(shared);
    expect((await remove(`${t.url}/api/devices/${shared}`, t.admin.token)).status).toBe(204);
    expect((await stored().ofUser(t.admin.user.id as UserId)).map((r) => r.token)).not.toContain(shared);
  });

  it('answers someone else’s token like one that does not exist, so tokens cannot be probed', async () => {
    const mine = `driver-phone-${'c'.repeat(40)}`;
    expect((await register({ pushToken: mine, app: 'driver' }, t.driver.token)).status).toBe(201);
    const foreign = await remove(`${t.url}/api/devices/${mine}`, t.outlet.token);
    const unknown = await remove(`${t.url}/api/devices/never-registered-${'d'.repeat(30)}`, t.outlet.token);
    expect([foreign.status, unknown.status]).toEqual([404, 404]);
    expect(await foreign.json()).toEqual(await unknown.json());
    expect((await remove(`${t.url}/api/devices/${mine}`)).status).toBe(401);
    expect((await remove(`${t.url}/api/devices/${mine}`, t.driver.token)).status).toBe(204);
  });

  it('takes FCM tokens as FCM writes them, with a colon, escaped in the path or not', async () => {
    const fcmLike = `fXyz123:APA91b${'g'.repeat(140)}`;
    for (const path of [fcmLike, encodeURIComponent(fcmLike)]) {
      expect((await register({ pushToken: fcmLike, app: 'driver' }, t.driver.token)).status).toBe(201);
      expect((await remove(`${t.url}/api/devices/${path}`, t.driver.token)).status).toBe(204);
    }
  });
});

describe('signing a user out everywhere', () => {
  const t = useTestServer();

  it('removes the push tokens of their devices', async () => {
    const phone = `driver-phone-${'f'.repeat(40)}`;
    expect((await postJson(`${t.url}/api/devices`, { pushToken: phone, app: 'driver' }, { token: t.driver.token })).status).toBe(201);
    await t.server.accounts.revokeSessions(t.driver.user.id as UserId);
    expect(await new PushTokens(t.server.sql).ofUser(t.driver.user.id as UserId)).toEqual([]);
  });
});
