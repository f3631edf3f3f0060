import { describe, expect, it } from 'vitest';
import { UserIdSchema } from '../../../shared/ids';
import { Breadcrumbs } from '../../../sync-server/storage/breadcrumbs';
import { errorOf, getJson, postJson } from '../support/http';
import { useTestServer } from '../support/testServer';

const t = useTestServer();
const url = (path: string) => `${t.url}/api/driver${path}`;
const me = () => getJson<{ id: string; onShift: boolean; position: unknown }>(url('/me'), { token: t.driver.token });
const upload = (points: unknown[], token = t.driver.token) =>
  fetch(url('/locations'), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ points }),
  });
const trail = (): Promise<number> => new Breadcrumbs(t.server.sql, Number.MAX_SAFE_INTEGER).count(UserIdSchema.parse(t.driver.user.id));

describe('driver API', () => {
  it('is for signed-in drivers only', async () => {
    const calls = [
      (token?: string) => getJson(url('/me'), token ? { token } : {}),
      (token?: string) => postJson(url('/shift'), { onShift: true }, token ? { token } : {}),
      (token?: string) => postJson(url('/locations'), { points: [{ lat: 12.97, lng: 77.6, at: Date.now() }] }, token ? { token } : {}),
      (token?: string) => postJson(url('/offers/someOrder/accept'), {}, token ? { token } : {}),
    ];
    for (const call of calls) {
      expect((await call()).status).toBe(401);
      expect((await call('not-a-jwt')).status).toBe(401);
      expect((await call(t.outlet.token)).status).toBe(403);
      expect((await call(t.admin.token)).status).toBe(403);
    }
  });

  it('shows the seeded driver: off shift, capacity 2, standing at the demo outlet', async () => {
    const res = await me();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: t.driver.user.id,
      name: 'Ravi Kumar',
      onShift: false,
      capacity: 2,
      activeOrders: 0,
      position: { lat: 12.9756, lng: 77.6066, accuracy: null },
    });
  });

  it('goes on and off shift', async () => {
    expect(await postJson(url('/shift'), { onShift: true }, { token: t.driver.token })).toMatchObject({
      status: 200,
      body: { onShift: true },
    });
    expect((await me()).body.onShift).toBe(true);
    expect(await postJson(url('/shift'), { onShift: false }, { token: t.driver.token })).toMatchObject({
      status: 200,
      body: { onShift: false },
    });
    expect((await me()).body.onShift).toBe(false);
    const bad = await postJson(url('/shift'), { onShift: 'yes' }, { token: t.driver.token });
    expect(bad.status).toBe(400);
    expect(errorOf(bad)?.message).toMatch(/^onShift/);
  });

  it('keeps a buffered trail of positions and takes the newest by device time as the last position', async () => {
    const now = Date.now();
    const before = await trail();
    const points = [
      { lat: 12.971, lng: 77.601, at: now - 20_000, accuracy: 8 },
      { lat: 12.973, lng: 77.603, at: now - 5_000, accuracy: 5 },
      { lat: 12.972, lng: 77.602, at: now - 10_000 },
    ];
    expect((await upload(points)).status).toBe(204);
    expect(await trail()).toBe(before + 3);
    expect((await me()).body.position).toEqual({ lat: 12.973, lng: 77.603, at: now - 5_000, accuracy: 5 });

    // Points buffered offline earlier and uploaded late join the trail but do not move the driver back.
    expect((await upload([{ lat: 12.9, lng: 77.5, at: now - 60_000 }])).status).toBe(204);
    expect(await trail()).toBe(before + 4);
    expect((await me()).body.position).toMatchObject({ lat: 12.973, lng: 77.603 });
  });

  it('refuses a batch with a point from the future, and bad batches, naming the field; nothing of them is kept', async () => {
    const now = Date.now();
    const before = await trail();
    const future = await upload([
      { lat: 12.97, lng: 77.6, at: now },
      { lat: 12.97, lng: 77.6, at: now + 3_600_000 },
    ]);
    expect(future.status).toBe(400);
    expect(((await future.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'clock_skew',
      message: /^points\.1\.at/,
    });
    const point = { lat: 12.97, lng: 77.6, at: now };
    const cases: [unknown[], RegExp][] = [
      [[], /^points/],
      [Array.from({ length: 501 }, () => point), /^points/],
      [[{ ...point, lat: 91 }], /^points\.0\.lat/],
      [[{ ...point, at: 'yesterday' }], /^points\.0\.at/],
      [[{ ...point, accuracy: -1 }], /^points\.0\.accuracy/],
      [[{ ...point, speed: 12 }], /^points\.0/],
    ];
    for (const [points, field] of cases) {
      const res = await upload(points);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(field);
    }
    expect(await trail()).toBe(before);
  });

  it('answers offers the driver does not hold', async () => {
    expect(errorOf(await postJson(url('/offers/noSuchOrder/accept'), {}, { token: t.driver.token }))?.code).toBe('offer_not_yours');
    expect((await postJson(url('/offers/no:such/accept'), {}, { token: t.driver.token })).status).toBe(404);
    const decline = await postJson(url('/offers/noSuchOrder/decline'), { reason: 42 }, { token: t.driver.token });
    expect(decline.status).toBe(400);
    expect(errorOf(decline)?.message).toMatch(/^reason/);
  });
});
