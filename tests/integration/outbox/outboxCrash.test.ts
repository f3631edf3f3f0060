import { afterAll, describe, expect, it } from 'vitest';
import type { WebhookCreated } from '../../../shared/api/webhooks';
import type { DabbaServer } from '../../../sync-server/app';
import { loginAll, placeOrder } from '../support/api';
import { appendAs } from '../support/drivers';
import { postJson } from '../support/http';
import { pollUntil } from '../support/poll';
import { freePort, spawnServer, startTestServer, tempDataDir, type ChildServer } from '../support/server';
import { WebhookReceiver } from '../support/webhookReceiver';
import { WEBHOOK_ENV } from './webhookEnv';

let child: ChildServer | null = null;
let restarted: DabbaServer | null = null;
let receiver: WebhookReceiver | null = null;
afterAll(async () => {
  child?.process.kill('SIGKILL');
  await restarted?.close();
  await receiver?.close();
});

describe('the outbox', () => {
  it('delivers what was committed before the server was killed, once it runs again', async () => {
    const dataDir = tempDataDir('outbox-crash');
    child = await spawnServer(dataDir, await freePort(), WEBHOOK_ENV);
    const before = await loginAll(child.url);
    receiver = await WebhookReceiver.start();
    const hook = await postJson<WebhookCreated>(
      `${child.url}/api/admin/webhooks`,
      { url: receiver.url, events: ['*'] },
      { token: before.admin.token },
    );
    receiver.secret = hook.body.secret;
    // Away while the events are committed: nothing reaches it before the kill.
    receiver.mode = 'down';
    const { orderId } = await placeOrder(child.url);
    await appendAs(child.url, before.outlet, orderId, { type: 'accepted', prepMinutes: 10 });
    await pollUntil(
      async () => receiver?.attempts.size ?? 0,
      (n) => n >= 1,
      'an attempt before the kill',
    );
    child.process.kill('SIGKILL');
    await child.exited;
    child = null;

    receiver.mode = 'up';
    restarted = await startTestServer({ ...WEBHOOK_ENV, DATA_DIR: dataDir });
    await pollUntil(
      async () => receiver?.ofOrder(orderId).length ?? 0,
      (n) => n >= 2,
      'both events after the restart',
    );
    expect(receiver.ofOrder(orderId).map((e) => e.type)).toEqual(['order.placed', 'order.accepted']);
    expect(receiver.received.every((r) => r.signatureValid)).toBe(true);
  });
});
