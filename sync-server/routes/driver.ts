import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { OrderIdSchema, type OrderId } from '../../shared/ids';
import type { TokenService } from '../auth/tokens';
import type { Clock } from '../clock';
import type { AcceptRefusal, DeclineRefusal, ShuttingDown } from '../dispatch/dispatcher';
import { DISPATCH_HEADERS, type DispatchPort, type DispatchUnavailable } from '../dispatch/dispatchPort';
import { recordLocations, type LocationDeps } from '../drivers/locations';
import { forbidden, notFound, valueOrThrow, type HttpStatuses } from '../errors';
import type { DriverOrders } from '../storage/driverOrders';
import type { DriverRecord, DriverRepo } from '../storage/drivers';
import { requireActor } from './bearer';
import { BODY_LIMITS, limitBody } from './bodyLimit';
import { jsonBody, optionalJsonBody } from './validate';

export interface DriverRouteDeps extends LocationDeps {
  readonly tokens: TokenService;
  readonly drivers: DriverRepo;
  readonly driverOrders: DriverOrders;
  readonly dispatcher: DispatchPort;
  readonly clock: Clock;
}

const shiftSchema = z.object({ onShift: z.boolean() }).strict();
const pointSchema = z
  .object({
    lat: z.number().min(-90).max(90),
    lng: z.number().min(-180).max(180),
    /** Device time, epoch ms; how far ahead of the server it may be is checked with the batch. */
    at: z.number().int().min(1_577_836_800_000),
    accuracy: z.number().min(0).max(100_000).optional(),
  })
  .strict();
const locationsSchema = z.object({ points: z.array(pointSchema).min(1).max(500) }).strict();
const declineSchema = z.object({ reason: z.string().trim().min(1).max(500).optional() }).strict();

/** How this module answers dispatch's refusals. */
const DISPATCH_STATUSES: HttpStatuses<AcceptRefusal | DeclineRefusal | ShuttingDown | DispatchUnavailable> = {
  offer_expired: 409,
  offer_not_yours: 409,
  shutting_down: 503,
  dispatch_unavailable: 503,
};

/** The signed-in driver's record: 401 without a valid token, 403 for any other role. */
async function requireDriver(c: Context, deps: DriverRouteDeps): Promise<DriverRecord> {
  const actor = await requireActor(c, deps.tokens);
  if (actor.role !== 'driver') throw forbidden('This is for drivers.');
  const known = await deps.drivers.get(actor.id);
  if (known) return known;
  await deps.drivers.ensure(actor.id, deps.clock.now());
  const made = await deps.drivers.get(actor.id);
  if (!made) throw forbidden('This driver account no longer exists.');
  return made;
}

function orderParam(c: Context): OrderId {
  const id = OrderIdSchema.safeParse(c.req.param('orderId'));
  if (!id.success) throw notFound('The order');
  return id.data;
}

/** `/api/driver`: the driver app's own state (shift, position) and its answers to offers. */
export function driverRoutes(deps: DriverRouteDeps): Hono {
  const me = (d: DriverRecord, activeOrders: number) => ({
    id: d.id,
    name: d.name,
    onShift: d.onShift,
    capacity: d.capacity,
    activeOrders,
    position: d.position ? { lat: d.position.lat, lng: d.position.lng, at: d.position.at, accuracy: d.position.accuracy } : null,
  });

  return new Hono()
    .get('/me', async (c) => {
      const driver = await requireDriver(c, deps);
      c.header('Cache-Control', 'no-store');
      return c.json(me(driver, (await deps.driverOrders.active(driver.id)).length));
    })
    .post('/shift', limitBody(BODY_LIMITS.form), async (c) => {
      const driver = await requireDriver(c, deps);
      const { onShift } = await jsonBody(c, shiftSchema);
      if (driver.onShift !== onShift) await deps.drivers.setShift(driver.id, onShift, deps.clock.now());
      // Off shift with orders still on board is fine: they finish them; dispatch just stops offering.
      valueOrThrow(await deps.dispatcher.shiftChanged(driver.id, onShift), DISPATCH_STATUSES, DISPATCH_HEADERS);
      return c.json({ onShift });
    })
    .post('/locations', limitBody(BODY_LIMITS.locations), async (c) => {
      const driver = await requireDriver(c, deps);
      const { points } = await jsonBody(c, locationsSchema);
      await recordLocations(
        deps,
        driver.id,
        points.map((p) => ({ lat: p.lat, lng: p.lng, at: p.at, accuracy: p.accuracy ?? null })),
        deps.clock.now(),
      );
      return c.body(null, 204);
    })
    .post('/offers/:orderId/accept', limitBody(BODY_LIMITS.form), async (c) => {
      const driver = await requireDriver(c, deps);
      const orderId = orderParam(c);
      valueOrThrow(await deps.dispatcher.accept(driver.id, orderId), DISPATCH_STATUSES, DISPATCH_HEADERS);
      return c.json({ orderId });
    })
    .post('/offers/:orderId/decline', limitBody(BODY_LIMITS.form), async (c) => {
      const driver = await requireDriver(c, deps);
      const orderId = orderParam(c);
      const { reason } = await optionalJsonBody(c, declineSchema);
      valueOrThrow(await deps.dispatcher.decline(driver.id, orderId, reason ?? null), DISPATCH_STATUSES, DISPATCH_HEADERS);
      return c.body(null, 204);
    });
}
