import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebhookCreated, WebhookDeliveries, WebhookList } from '../../../shared/api/webhooks';
import type { OrderId } from '../../../shared/ids';
import { loginAll, PICKUP_ORDER, placeOrder, type DemoSessions } from '../support/api';
import { appendAs, NEAR_OUTLET } from '../support/drivers';
import { errorOf, getJson, postJson, putJson } from '../support/http';
import { pollUntil } from '../support/poll';
import { DELIVERY } from '../support/refusals';
import { startTestServer } from '../support/server';
import { WebhookReceiver } from '../support/webhookReceiver';
import { WEBHOOK_ENV } from './webhookEnv';
import type { DabbaServer } from '../../../sync-server/app';

let server: DabbaServer;
let s: DemoSessions;
const receivers: WebhookReceiver[] = [];

beforeAll(async () => {
  server = await startTestServer(WEBHOOK_ENV);
  s = await loginAll(server.url);
});
afterAll(async () => {
  await server.close();
  for (const r of receivers) await r.close();
});

async function receiverFor(events: readonly string[]): Promise<{ receiver: WebhookReceiver; id: string }> {
  const receiver = await WebhookReceiver.start();
  receivers.push(receiver);
  const res = await postJson<WebhookCreated>(`${server.url}/api/admin/webhooks`, { url: receiver.url, events }, { token: s.admin.token });
  expect(res.status).toBe(201);
  receiver.secret = res.body.secret;
  return { receiver, id: res.body.id };
}

const deliveriesOf = async (webhookId: string) =>
  (await getJson<WebhookDeliveries>(`${server.url}/api/admin/webhooks/${webhookId}/deliveries`, { token: s.admin.token })).body.deliveries;

const outboxRows = (orderId: OrderId) =>
  server.sql.selectFrom('outbox').select(['event_id', 'type']).where('order_id', '=', orderId).orderBy('seq').execute();

describe('webhooks', () => {
  it('receive every event of orders driven through their life once per id, in order per order, validly signed', async () => {
    const { receiver } = await receiverFor(['*']);
    const agent = await postJson<{ id: string }>(
      `${server.url}/delivery`,
      { name: 'Kiran Rao', phone: '+91 98860 55555', ...NEAR_OUTLET },
      { token: s.admin.token },
    );
    const delivery = (await placeOrder(server.url, DELIVERY)).orderId;
    const pickup = (await placeOrder(server.url, PICKUP_ORDER)).orderId;
    // Device updates (the outlet's tablet) and server changes (dispatch, the delivery-agent API) interleaved.
    await appendAs(server.url, s.outlet, delivery, { type: 'accepted', prepMinutes: 15 });
    await appendAs(server.url, s.outlet, pickup, { type: 'accepted', prepMinutes: 10 });
    expect((await postJson(`${server.url}/newdelivery`, { orderId: delivery }, { token: s.admin.token })).status).toBe(200);
    await appendAs(server.url, s.outlet, pickup, { type: 'note', text: 'Extra chutney' });
    await appendAs(server.url, s.outlet, delivery, { type: 'ready' });
    await appendAs(server.url, s.outlet, pickup, { type: 'ready' });
    expect((await putJson(`${server.url}/delivery/${agent.body.id}`, {}, { token: s.admin.token })).status).toBe(200);
    await appendAs(server.url, s.outlet, pickup, { type: 'handed_over' });

    const expected = {
      [delivery]: ['order.placed', 'order.accepted', 'order.assigned', 'order.ready', 'order.picked_up', 'order.delivered'],
      [pickup]: ['order.placed', 'order.accepted', 'order.note', 'order.ready', 'order.handed_over'],
    };
    await pollUntil(
      async () => receiver.received.length,
      (n) => n >= 11,
      'every event at the receiver',
    );
    for (const [orderId, types] of Object.entries(expected)) {
      const events = receiver.ofOrder(orderId);
      expect(events.map((e) => e.type)).toEqual(types);
      const sequences = events.map((e) => e.sequence);
      expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
      expect(events.every((e) => e.outletId === 'demo-outlet' && e.committedAt >= e.occurredAt - 5 * 60_000)).toBe(true);
    }
    expect(receiver.received.every((r) => r.signatureValid && r.eventId === r.event.id)).toBe(true);
    expect(new Set(receiver.received.map((r) => r.eventId)).size).toBe(receiver.received.length);
    expect(receiver.ofOrder(pickup)[2]?.data).toEqual({ by: { id: s.outlet.user.id, role: 'outlet' }, text: 'Extra chutney' });
    expect(receiver.ofOrder(delivery)[2]?.data).toMatchObject({ driverId: agent.body.id });
    // One outbox row per event, whichever path committed it.
    expect((await outboxRows(delivery)).map((r) => r.type)).toEqual(expected[delivery]);
    expect((await outboxRows(pickup)).map((r) => r.type)).toEqual(expected[pickup]);
  });

  it('retry while the receiver is down, then deliver once it is back', async () => {
    const { receiver, id } = await receiverFor(['order.placed']);
    receiver.mode = 'down';
    const { orderId } = await placeOrder(server.url);
    const [placed] = await outboxRows(orderId);
    const eventId = placed?.event_id ?? '';
    await pollUntil(
      async () => receiver.attempts.get(eventId) ?? 0,
      (n) => n >= 2,
      'two refused attempts',
    );
    const waiting = (await deliveriesOf(id)).find((d) => d.eventId === eventId);
    expect(waiting).toMatchObject({ status: 'pending', lastStatus: null, lastError: expect.any(String) });
    const listed = await getJson<WebhookList>(`${server.url}/api/admin/webhooks`, { token: s.admin.token });
    expect(listed.body.webhooks.find((w) => w.id === id)).toMatchObject({ failing: 1, dead: 0 });
    receiver.mode = 'up';
    await pollUntil(
      () => deliveriesOf(id),
      (list) => list.some((d) => d.eventId === eventId && d.status === 'delivered'),
      'the delivery once the receiver is back',
    );
    expect(receiver.received.map((r) => [r.eventId, r.signatureValid])).toEqual([[eventId, true]]);
  });

  it('dead-letter a delivery that always fails, list it, and deliver it when replayed', async () => {
    const { receiver, id } = await receiverFor(['order.placed']);
    receiver.mode = 'failing';
    const { orderId } = await placeOrder(server.url);
    const dead = await pollUntil(
      () => deliveriesOf(id),
      (list) => list.some((d) => d.orderId === orderId && d.status === 'dead'),
      'a dead letter',
    );
    const letter = dead.find((d) => d.orderId === orderId);
    expect(letter).toMatchObject({ type: 'order.placed', attempts: 6, lastStatus: 500, lastError: 'HTTP 500', nextAttemptAt: null });
    expect(receiver.attempts.get(letter?.eventId ?? '')).toBe(6);
    const listed = await getJson<WebhookList>(`${server.url}/api/admin/webhooks`, { token: s.admin.token });
    expect(listed.body.webhooks.find((w) => w.id === id)).toMatchObject({ failing: 0, dead: 1 });

    receiver.mode = 'up';
    const replay = await fetch(`${server.url}/api/admin/webhooks/${id}/deliveries/${letter?.eventId ?? ''}/replay`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.admin.token}` },
    });
    expect(replay.status).toBe(202);
    await pollUntil(
      () => deliveriesOf(id),
      (list) => list.some((d) => d.orderId === orderId && d.status === 'delivered'),
      'the replayed delivery',
    );
    expect(receiver.received.map((r) => [r.eventId, r.signatureValid])).toEqual([[letter?.eventId, true]]);
  });

  it('refuse a bad registration with a JSON error naming the field, and other roles', async () => {
    const register = (body: object, token = s.admin.token) => postJson(`${server.url}/api/admin/webhooks`, body, { token });
    const badUrl = await register({ url: 'ftp://example.com/hook', events: ['*'] });
    expect(badUrl.status).toBe(400);
    expect(errorOf(badUrl)).toMatchObject({ code: 'invalid_body', message: expect.stringMatching(/^url/) });
    const badEvent = await register({ url: 'https://example.com/hook', events: ['order.eaten'] });
    expect(errorOf(badEvent)).toMatchObject({ code: 'invalid_body', message: expect.stringMatching(/^events\.0/) });
    expect(errorOf(await register({ url: 'https://example.com/hook', events: [] }))?.code).toBe('invalid_body');
    expect((await register({ url: 'https://example.com/hook', events: ['*'] }, s.outlet.token)).status).toBe(403);
    const listed = await getJson<{ webhooks: object[] }>(`${server.url}/api/admin/webhooks`, { token: s.admin.token });
    expect(listed.body.webhooks.length).toBeGreaterThan(0);
    expect(JSON.stringify(listed.body)).not.toContain('whsec_');
  });

  it('refuse loopback and private addresses unless DABBA_WEBHOOKS_ALLOW_PRIVATE=1', async () => {
    const strict = await startTestServer({ DABBA_WEBHOOKS_ALLOW_PRIVATE: '0' });
    try {
      const { admin } = await loginAll(strict.url);
      for (const url of [
        'http://127.0.0.1:9/hook',
        'http://[::1]/hook',
        'http://169.254.169.254/latest',
        'http://10.0.0.7/hook',
        'http://localhost/x',
      ]) {
        const res = await postJson(`${strict.url}/api/admin/webhooks`, { url, events: ['*'] }, { token: admin.token });
        expect([url, res.status, errorOf(res)?.code]).toEqual([url, 422, 'private_address']);
      }
    } finally {
      await strict.close();
    }
  });

  it('write no outbox row for an update the server refuses', async () => {
    const { orderId } = await placeOrder(server.url);
    await expect(appendAs(server.url, s.outlet, orderId, { type: 'delivered' })).rejects.toThrow(/rejected/);
    await expect(appendAs(server.url, s.driver, orderId, { type: 'accepted', prepMinutes: 5 })).rejects.toThrow(/forbidden|rejected/);
    expect((await outboxRows(orderId)).map((r) => r.type)).toEqual(['order.placed']);
  });
});
