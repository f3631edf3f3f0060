import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodeWakeData, type WakeData } from '../../../shared/wake/wakeMessage';
import { OFFLINE_PROJECT_ID } from '../../../sync-server/wake/fcmConfig';
import { fcmSender } from '../../../sync-server/wake/fcmSender';
import type { PushSender } from '../../../sync-server/wake/pushSender';
import { FakeFcm, fcmReplies } from '../support/fakeFcm';
import { freePort } from '../support/server';

const DATA: WakeData = {
  dabba: '1',
  kind: 'new_order',
  docs: ['order:abc', 'inbox:outlet:demo-outlet'],
  title: 'Dosa Corner',
  body: 'New order #abcdef — 2 items, ₹330',
  open: '/outlet/#/board/abc',
  tag: 'order:abc',
};
const TOKEN = `tablet-token-${'t'.repeat(40)}`;

describe('the FCM sender (firebase-admin pointed at DABBA_FCM_ENDPOINT)', () => {
  let fake: FakeFcm;
  let sender: PushSender;

  beforeAll(async () => {
    fake = await FakeFcm.start();
    sender = await fcmSender({ credentials: { kind: 'endpoint', endpoint: new URL(fake.url) }, projectId: OFFLINE_PROJECT_ID });
  });
  afterAll(async () => {
    await sender.close();
    await fake.close();
  });
  beforeEach(() => fake.reset());

  it('sends one HTTP/1.1 request to the endpoint: the wake data, high urgency, its TTL, and no Google credentials', async () => {
    expect(await sender.send({ token: TOKEN, data: DATA, ttlSeconds: 600 })).toEqual({ ok: true, value: undefined });
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request).toMatchObject({
      project: OFFLINE_PROJECT_ID,
      token: TOKEN,
      data: encodeWakeData(DATA),
      webpush: { headers: { Urgency: 'high', TTL: '600' } },
      authorization: 'Bearer dabba-offline-fcm',
      httpVersion: '1.1',
    });
    expect(request?.message).not.toHaveProperty('notification');
  });

  it('reads FCM’s answers as unregistered, retryable (with Retry-After) or rejected', async () => {
    fake.script(TOKEN, fcmReplies.unregistered());
    expect(await sender.send({ token: TOKEN, data: DATA, ttlSeconds: 60 })).toMatchObject({ ok: false, error: { code: 'unregistered' } });

    fake.script(TOKEN, fcmReplies.quotaExceeded(7));
    expect(await sender.send({ token: TOKEN, data: DATA, ttlSeconds: 60 })).toMatchObject({
      ok: false,
      error: { code: 'retryable', retryAfterMs: 7000 },
    });

    fake.script(TOKEN, fcmReplies.internal());
    expect(await sender.send({ token: TOKEN, data: DATA, ttlSeconds: 60 })).toMatchObject({
      ok: false,
      error: { code: 'retryable', retryAfterMs: null },
    });

    fake.script(TOKEN, fcmReplies.invalidArgument());
    expect(await sender.send({ token: TOKEN, data: DATA, ttlSeconds: 60 })).toMatchObject({ ok: false, error: { code: 'rejected' } });
  });

  it('gets a message through a brief 503 (firebase-admin retries those itself)', async () => {
    fake.script(TOKEN, fcmReplies.unavailable());
    expect((await sender.send({ token: TOKEN, data: DATA, ttlSeconds: 60 })).ok).toBe(true);
    expect(fake.requests.map((r) => r.status)).toEqual([503, 200]);
  });

  it('calls an endpoint that does not answer retryable', async () => {
    const nowhere = await fcmSender({
      credentials: { kind: 'endpoint', endpoint: new URL(`http://127.0.0.1:${await freePort()}`) },
      projectId: 'demo-dabba',
    });
    try {
      expect(await nowhere.send({ token: TOKEN, data: DATA, ttlSeconds: 60 })).toMatchObject({ ok: false, error: { code: 'retryable' } });
    } finally {
      await nowhere.close();
    }
  });
});
