import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebhookCreated, WebhookList } from '../../../shared/api/webhooks';
import { ROTATION_GRACE_MS } from '../../../sync-server/outbox/rotateSecret';
import type { DabbaServer } from '../../../sync-server/app';
import { loginAll, placeOrder, type DemoSessions } from '../support/api';
import { errorOf, getJson, postJson } from '../support/http';
import { ManualClock } from '../support/manualClock';
import { pollUntil } from '../support/poll';
import { startTestServer } from '../support/server';
import { verifySignature, WebhookReceiver, type Received } from '../support/webhookReceiver';
import { WEBHOOK_ENV } from './webhookEnv';

let server: DabbaServer;
let s: DemoSessions;
let receiver: WebhookReceiver;
const clock = new ManualClock();

beforeAll(async () => {
  server = await startTestServer(WEBHOOK_ENV, { clock });
  s = await loginAll(server.url);
  receiver = await WebhookReceiver.start(() => clock.now());
});
afterAll(async () => {
  await server.close();
  await receiver.close();
});

const rotate = (id: string, token = s.admin.token) =>
  postJson<WebhookCreated>(`${server.url}/api/admin/webhooks/${id}/rotate-secret`, {}, { token });

const deliveryOf = (orderId: string): Promise<Received> =>
  pollUntil(
    async () => receiver.received.find((r) => r.event.orderId === orderId),
    (r): r is Received => r !== undefined,
    `the delivery of ${orderId}`,
  );

describe('webhook secret rotation', () => {
  it('signs with the new and the old secret for the grace window, then with the new one only', async () => {
    const created = await postJson<WebhookCreated>(
      `${server.url}/api/admin/webhooks`,
      { url: receiver.url, events: ['order.placed'] },
      { token: s.admin.token },
    );
    const old = created.body.secret;
    const rotatedAt = clock.now();
    const rotated = await rotate(created.body.id);
    expect(rotated.status).toBe(200);
    expect(rotated.body).toEqual({ id: created.body.id, secret: expect.stringMatching(/^whsec_/) });
    const fresh = rotated.body.secret;
    expect(fresh).not.toBe(old);
    receiver.secret = fresh;
    const listed = await getJson<WebhookList>(`${server.url}/api/admin/webhooks`, { token: s.admin.token });
    expect(listed.body.webhooks.find((w) => w.id === created.body.id)?.previousSecretUntil).toBe(rotatedAt + ROTATION_GRACE_MS);
    expect(JSON.stringify(listed.body)).not.toContain('whsec_');

    const during = await deliveryOf((await placeOrder(server.url)).orderId);
    expect(during.signature.match(/v1=/g)).toHaveLength(2);
    expect(verifySignature(fresh, during.signature, during.body, clock.now())).toBe(true);
    expect(verifySignature(old, during.signature, during.body, clock.now())).toBe(true);

    clock.advance(ROTATION_GRACE_MS);
    const after = await deliveryOf((await placeOrder(server.url)).orderId);
    expect(after.signature.match(/v1=/g)).toHaveLength(1);
    expect(verifySignature(fresh, after.signature, after.body, clock.now())).toBe(true);
    expect(verifySignature(old, after.signature, after.body, clock.now())).toBe(false);
  });

  it('refuse rotating an unknown webhook, and other roles', async () => {
    const unknown = await rotate('nosuchwebhook0');
    expect([unknown.status, errorOf(unknown)?.code]).toEqual([404, 'not_found']);
    const created = await postJson<WebhookCreated>(
      `${server.url}/api/admin/webhooks`,
      { url: receiver.url, events: ['*'] },
      { token: s.admin.token },
    );
    expect((await rotate(created.body.id, s.outlet.token)).status).toBe(403);
  });
});
