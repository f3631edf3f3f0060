import { afterEach, describe, expect, it } from 'vitest';
import type { WebhookCreated, WebhookDeliveries } from '../../../shared/api/webhooks';
import type { ResolveHost } from '../../../sync-server/outbox/privateAddress';
import { login, placeOrder } from '../support/api';
import { getJson, postJson } from '../support/http';
import { pollUntil } from '../support/poll';
import { serveLoopback } from '../support/loopbackHttp';
import { startTestServer } from '../support/server';
import { WebhookReceiver } from '../support/webhookReceiver';
import { WEBHOOK_ENV } from './webhookEnv';

/** A name no real resolver knows: whatever reaches the receiver through it was connected by the resolver below. */
const NAME = 'hooks.rebind.test';
const PUBLIC = '93.184.216.34';

/** A DNS record under an attacker's control: public while the webhook is registered, loopback afterwards. */
function rebinding(): ResolveHost {
  let calls = 0;
  return (host) => Promise.resolve(host !== NAME ? [] : calls++ === 0 ? [PUBLIC] : ['127.0.0.1']);
}

/** The same name pointed at loopback throughout (registration skips the check while private hosts are allowed). */
const loopback: ResolveHost = (host) => Promise.resolve(host === NAME ? ['127.0.0.1'] : []);

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
});

async function setUp(allowPrivate: '0' | '1') {
  const server = await startTestServer(
    { ...WEBHOOK_ENV, DABBA_WEBHOOKS_ALLOW_PRIVATE: allowPrivate },
    { resolveHost: allowPrivate === '0' ? rebinding() : loopback },
  );
  cleanup.push(() => server.close());
  const receiver = await WebhookReceiver.start();
  cleanup.push(() => receiver.close());
  const admin = await login(server.url, 'admin');
  const url = receiver.url.replace('127.0.0.1', NAME);
  const created = await postJson<WebhookCreated>(
    `${server.url}/api/admin/webhooks`,
    { url, events: ['order.placed'] },
    { token: admin.token },
  );
  expect(created.status).toBe(201);
  receiver.secret = created.body.secret;
  const deliveries = async () =>
    (await getJson<WebhookDeliveries>(`${server.url}/api/admin/webhooks/${created.body.id}/deliveries`, { token: admin.token })).body
      .deliveries;
  return { server, receiver, deliveries };
}

describe('webhook host names resolved at delivery', () => {
  it('dead-letter a delivery whose host name now resolves to loopback, naming the address, while private hosts are refused', async () => {
    const { server, receiver, deliveries } = await setUp('0');
    const { orderId } = await placeOrder(server.url);
    const dead = await pollUntil(deliveries, (list) => list.some((d) => d.orderId === orderId && d.status === 'dead'), 'a dead letter');
    expect(dead.find((d) => d.orderId === orderId)).toMatchObject({
      attempts: 6,
      lastStatus: null,
      lastError: expect.stringMatching(/hooks\.rebind\.test is a loopback, private or link-local address \(127\.0\.0\.1\)/),
    });
    expect(receiver.attempts.size).toBe(0);
  });

  it('connect to the address the name was resolved to and checked, not one the system resolves again', async () => {
    const { server, receiver, deliveries } = await setUp('1');
    const { orderId } = await placeOrder(server.url);
    await pollUntil(deliveries, (list) => list.some((d) => d.orderId === orderId && d.status === 'delivered'), 'the delivery');
    expect(receiver.received.map((r) => [r.event.orderId, r.signatureValid])).toEqual([[orderId, true]]);
  });

  it('dead-letter a delivery answered with a redirect, never following it to where it points', async () => {
    const { server, receiver, deliveries } = await setUp('1');
    const redirecting = await serveLoopback((_req, _body, res) => res.writeHead(307, { location: receiver.url }).end());
    cleanup.push(() => redirecting.close());
    const admin = await login(server.url, 'admin');
    const created = await postJson<WebhookCreated>(
      `${server.url}/api/admin/webhooks`,
      { url: `${redirecting.url}/hook`, events: ['order.placed'] },
      { token: admin.token },
    );
    const redirected = async () =>
      (await getJson<WebhookDeliveries>(`${server.url}/api/admin/webhooks/${created.body.id}/deliveries`, { token: admin.token })).body
        .deliveries;
    const { orderId } = await placeOrder(server.url);
    const dead = await pollUntil(redirected, (list) => list.some((d) => d.status === 'dead'), 'a dead letter');
    expect(dead[0]).toMatchObject({ orderId, lastStatus: 307, lastError: 'HTTP 307 (redirects are not followed)' });
    // The receiver the redirect named got the order only through its own webhook, once.
    await pollUntil(deliveries, (list) => list.some((d) => d.orderId === orderId && d.status === 'delivered'), 'the direct delivery');
    expect(receiver.attempts.size).toBe(1);
  });
});
