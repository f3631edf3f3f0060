import { Hono } from 'hono';
import { z } from 'zod';
import { agentPhoneSchema } from '../../shared/api/phone';
import { OrderIdSchema } from '../../shared/ids';
import type { TokenService } from '../auth/tokens';
import type { Clock } from '../clock';
import type { AssignRefusal } from '../dispatch/dispatcher';
import { DISPATCH_HEADERS, type DispatchPort, type DispatchUnavailable } from '../dispatch/dispatchPort';
import { addDriver, type AddDriverDeps } from '../drivers/addDriver';
import { agentIdOf, completeAgentDelivery, latestAgentOrder, type AgentDeliveryDeps, type AgentRefusal } from '../drivers/agentDelivery';
import { valueOrThrow, type HttpStatuses } from '../errors';
import { BODY_LIMITS, limitBody } from './bodyLimit';
import { requireAdminOrService } from './serviceAuth';
import { jsonBody } from './validate';

export interface DeliveryRouteDeps extends AddDriverDeps, AgentDeliveryDeps {
  readonly tokens: TokenService;
  readonly serviceToken: string | null;
  readonly dispatcher: DispatchPort;
  readonly clock: Clock;
}

const newAgentSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    phone: agentPhoneSchema,
    email: z.string().trim().email().max(200).optional(),
    password: z.string().min(8, 'must be at least 8 characters').max(200).optional(),
    capacity: z.number().int().min(1).max(10).optional(),
    lat: z.number().min(-90).max(90).optional(),
    lng: z.number().min(-180).max(180).optional(),
  })
  .strict()
  .refine((b) => (b.lat === undefined) === (b.lng === undefined), { message: 'give both lat and lng, or neither', path: ['lng'] });

const newDeliverySchema = z.object({ orderId: OrderIdSchema }).strict();

/** How this module answers the refusals of dispatch, agents and their deliveries. */
const DELIVERY_STATUSES: HttpStatuses<AssignRefusal | AgentRefusal | DispatchUnavailable | 'email_taken'> = {
  email_taken: 409,
  unknown_agent: 404,
  no_order: 404,
  no_active_delivery: 409,
  unknown_order: 404,
  not_a_delivery: 422,
  order_finished: 422,
  already_assigned: 409,
  no_driver_available: 409,
  order_changed: 409,
  shutting_down: 503,
  dispatch_unavailable: 503,
};

/**
 * The second seed's delivery-agent API, kept for the systems that used it: `POST /delivery`,
 * `GET|PUT /delivery/:id`, `POST /newdelivery`. Backed by the same drivers, dispatch and order
 * documents as the apps. An admin token or the service token (DABBA_SERVICE_TOKEN).
 */
export function deliveryRoutes(deps: DeliveryRouteDeps): Hono {
  const caller = (c: Parameters<typeof requireAdminOrService>[0]) => requireAdminOrService(c, deps.tokens, deps.serviceToken);
  const form = limitBody(BODY_LIMITS.form);
  return new Hono()
    .post('/delivery', form, async (c) => {
      await caller(c);
      const body = await jsonBody(c, newAgentSchema);
      const position = body.lat !== undefined && body.lng !== undefined ? { lat: body.lat, lng: body.lng } : undefined;
      const driver = valueOrThrow(await addDriver(deps, { ...body, position }, deps.clock.now()), DELIVERY_STATUSES);
      deps.dispatcher.kick();
      return c.json({ id: driver.id, name: driver.name, phone: driver.phone, onShift: driver.onShift }, 201);
    })
    .get('/delivery/:id', async (c) => {
      await caller(c);
      c.header('Cache-Control', 'no-store');
      const agentId = valueOrThrow(agentIdOf(c.req.param('id')), DELIVERY_STATUSES);
      return c.json(valueOrThrow(await latestAgentOrder(deps, agentId), DELIVERY_STATUSES));
    })
    .put('/delivery/:id', form, async (c) => {
      const who = await caller(c);
      const agentId = valueOrThrow(agentIdOf(c.req.param('id')), DELIVERY_STATUSES);
      return c.json(valueOrThrow(await completeAgentDelivery(deps, agentId, who, deps.clock.now()), DELIVERY_STATUSES));
    })
    .post('/newdelivery', form, async (c) => {
      await caller(c);
      const { orderId } = await jsonBody(c, newDeliverySchema);
      const { driverId, distanceMeters } = valueOrThrow(await deps.dispatcher.assignNow(orderId), DELIVERY_STATUSES, DISPATCH_HEADERS);
      return c.json({ orderId, driverId, distanceMeters });
    });
}
