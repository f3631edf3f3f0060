import { Hono, type Context } from 'hono';
import {
  deliveriesQuerySchema,
  newWebhookSchema,
  WebhookIdSchema,
  type WebhookDeliveries as DeliveriesBody,
  type WebhookId,
  type WebhookList,
  type WebhookSecretRotated,
} from '../../shared/api/webhooks';
import { EventIdSchema, type EventId } from '../../shared/ids';
import type { TokenService } from '../auth/tokens';
import type { Clock } from '../clock';
import { notFound, valueOrThrow, type HttpStatuses } from '../errors';
import type { EventsOut } from '../outbox/openEventsOut';
import type { AddressRefusal } from '../outbox/privateAddress';
import { registerWebhook } from '../outbox/registerWebhook';
import { rotateWebhookSecret } from '../outbox/rotateSecret';
import { requireAdmin } from './bearer';
import { BODY_LIMITS, limitBody } from './bodyLimit';
import { jsonBody, queryParams } from './validate';

export interface AdminWebhookRouteDeps {
  readonly tokens: TokenService;
  readonly clock: Clock;
  readonly eventsOut: EventsOut;
  /** DABBA_WEBHOOKS_ALLOW_PRIVATE: loopback and private addresses are accepted. */
  readonly allowPrivateWebhooks: boolean;
}

const STATUSES: HttpStatuses<AddressRefusal> = { private_address: 422, unresolvable_host: 422 };

function webhookParam(c: Context): WebhookId {
  const id = WebhookIdSchema.safeParse(c.req.param('id'));
  if (!id.success) throw notFound('The webhook');
  return id.data;
}

function eventParam(c: Context): EventId {
  const id = EventIdSchema.safeParse(c.req.param('eventId'));
  if (!id.success) throw notFound('The delivery');
  return id.data;
}

/**
 * `/api/admin/webhooks` (admins): register, list and remove webhooks, list a webhook's deliveries and replay
 * one. Shapes in shared/api/webhooks.ts; what is sent and how in sync-server/outbox/.
 */
export function adminWebhookRoutes(deps: AdminWebhookRouteDeps): Hono {
  const { webhooks, deliveries } = deps.eventsOut;
  const existing = async (c: Context): Promise<WebhookId> => {
    const id = webhookParam(c);
    if (!(await webhooks.exists(id))) throw notFound('The webhook');
    return id;
  };

  return new Hono()
    .post('/', limitBody(BODY_LIMITS.form), async (c) => {
      await requireAdmin(c, deps.tokens, 'Registering webhooks');
      const body = await jsonBody(c, newWebhookSchema);
      const created = valueOrThrow(
        await registerWebhook(
          { webhooks, allowPrivate: deps.allowPrivateWebhooks, resolveHost: deps.eventsOut.resolveHost },
          body,
          deps.clock.now(),
        ),
        STATUSES,
      );
      c.header('Cache-Control', 'no-store');
      return c.json(created, 201);
    })
    .get('/', async (c) => {
      await requireAdmin(c, deps.tokens, 'The list of webhooks');
      c.header('Cache-Control', 'private, no-store');
      const [listed, trouble] = await Promise.all([webhooks.list(), deliveries.troubleCounts()]);
      const withCounts = listed.map((w) => ({ ...w, ...(trouble.get(w.id) ?? { failing: 0, dead: 0 }) }));
      return c.json({ webhooks: withCounts } satisfies WebhookList);
    })
    .delete('/:id', async (c) => {
      await requireAdmin(c, deps.tokens, 'Removing webhooks');
      if (!(await webhooks.remove(webhookParam(c)))) throw notFound('The webhook');
      return c.body(null, 204);
    })
    .post('/:id/rotate-secret', async (c) => {
      await requireAdmin(c, deps.tokens, 'Rotating webhook secrets');
      const rotated = await rotateWebhookSecret(webhooks, webhookParam(c), deps.clock.now());
      if (!rotated) throw notFound('The webhook');
      c.header('Cache-Control', 'no-store');
      return c.json(rotated satisfies WebhookSecretRotated, 200);
    })
    .get('/:id/deliveries', async (c) => {
      await requireAdmin(c, deps.tokens, 'Webhook deliveries');
      const id = await existing(c);
      const query = queryParams(c, deliveriesQuerySchema);
      c.header('Cache-Control', 'private, no-store');
      return c.json({ deliveries: await deliveries.list(id, query.status, query.limit) } satisfies DeliveriesBody);
    })
    .post('/:id/deliveries/:eventId/replay', async (c) => {
      await requireAdmin(c, deps.tokens, 'Replaying webhook deliveries');
      const id = await existing(c);
      if (!(await deliveries.replay(id, eventParam(c), deps.clock.now()))) throw notFound('The delivery');
      deps.eventsOut.wake();
      return c.body(null, 202);
    });
}
