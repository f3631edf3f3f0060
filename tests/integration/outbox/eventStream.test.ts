import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { webhookEventSchema } from '../../../shared/api/webhooks';
import type { DabbaServer } from '../../../sync-server/app';
import { loginAll, placeOrder } from '../support/api';
import { appendAs } from '../support/drivers';
import { pollUntil } from '../support/poll';
import { SHARED_REDIS, useRedisPrefixes } from '../support/redisPrefixes';
import { startTestServer } from '../support/server';
import { WEBHOOK_ENV } from './webhookEnv';

const prefixFor = useRedisPrefixes();
const redis = new Redis(SHARED_REDIS);
let server: DabbaServer | null = null;
afterAll(async () => {
  await server?.close();
  await redis.quit();
});

describe('the events stream', () => {
  it('gets every committed order event with REDIS_URL, in commit order, its body the webhook body', async () => {
    const prefix = prefixFor();
    server = await startTestServer({ ...WEBHOOK_ENV, REDIS_URL: SHARED_REDIS, DABBA_REDIS_PREFIX: prefix });
    const { outlet } = await loginAll(server.url);
    const { orderId } = await placeOrder(server.url);
    await appendAs(server.url, outlet, orderId, { type: 'accepted', prepMinutes: 10 });
    const entries = await pollUntil(
      () => redis.xrange(`${prefix}events`, '-', '+'),
      (list) => list.length >= 2,
      'two stream entries',
    );
    const events = entries.map(([, fields]) => {
      const byName = new Map<string, string>();
      for (let i = 0; i + 1 < fields.length; i += 2) byName.set(fields[i] ?? '', fields[i + 1] ?? '');
      const event = webhookEventSchema.parse(JSON.parse(byName.get('event') ?? ''));
      expect([byName.get('id'), byName.get('type'), byName.get('orderId')]).toEqual([event.id, event.type, event.orderId]);
      return event;
    });
    expect(events.map((e) => [e.orderId, e.type])).toEqual([
      [orderId, 'order.placed'],
      [orderId, 'order.accepted'],
    ]);
    expect(events[0]?.sequence).toBeLessThan(events[1]?.sequence ?? 0);
  });
});
