import fc from 'fast-check';
import { EVENT_TYPES, orderEventSchema, type EventType, type OrderEvent } from '../../../../shared/order/events';
import { ORDER_TYPES, type OrderType } from '../../../../shared/order/status';
import { mayAppend } from '../../../../shared/permissions';
import { ADMIN, DRIVER1, DRIVER2, OUTLET, SYSTEM, T0, type Author } from './fixtures';

/** An event before it gets its id: what someone did, when (ms after T0), and its data. */
interface Step {
  readonly type: EventType;
  readonly at: number;
  readonly by: Author;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface Scenario {
  readonly orderType: OrderType;
  /** A lifecycle as the devices lived it, interleaved with concurrent, possibly conflicting events. */
  readonly events: readonly OrderEvent[];
  /** More events of the same kind as the noise, with ids unused in `events`. */
  readonly extra: readonly OrderEvent[];
}

const AUTHORS: readonly Author[] = [SYSTEM, ADMIN, OUTLET, DRIVER1, DRIVER2];
const DRIVERS: readonly Author[] = [DRIVER1, DRIVER2];
const REASONS = ['customer unreachable', 'out of stock', 'kitchen closed early'] as const;

/** Short ids of varied length, so ties on `at` are broken by ids like "a" < "a-" < "aB". */
const idArb = fc.stringMatching(/^[A-Za-z0-9_-]{1,4}$/);

const ENDINGS = ['completed', 'failed', 'rejected', 'cancelled'] as const;

/**
 * The valid path of an order of this type, ending as asked, with the assigned driver doing the driving.
 * A cancelled order follows the same path; `lifecycleArb` cuts it short and appends the cancel.
 */
function lifecycle(
  orderType: OrderType,
  driver: Author,
  other: Author,
  reassign: boolean,
  ending: (typeof ENDINGS)[number],
  prepMinutes: number,
): Omit<Step, 'at'>[] {
  const step = (type: EventType, by: Author, data: Record<string, unknown> = {}): Omit<Step, 'at'> => ({ type, by, data });
  const placed = step('placed', SYSTEM);
  if (ending === 'rejected') return [placed, step('rejected', OUTLET, { reason: 'out of stock' })];
  const kitchen = [step('accepted', OUTLET, { prepMinutes }), step('preparing', OUTLET), step('ready', OUTLET)];
  const dispatch = reassign
    ? [step('assigned', SYSTEM, { driverId: other.id }), step('unassigned', ADMIN, { driverId: other.id, reason: 'driver is off shift' })]
    : [];
  return orderType === 'delivery'
    ? [
        placed,
        ...kitchen.slice(0, 1),
        ...dispatch,
        step('assigned', SYSTEM, { driverId: driver.id }),
        ...kitchen.slice(1),
        step('picked_up', driver),
        ending === 'failed'
          ? step('failed', driver, { reason: 'customer unreachable' })
          : step('delivered', driver, { proof: 'left at door' }),
      ]
    : [placed, ...kitchen, step('handed_over', OUTLET)];
}

const lifecycleArb = (orderType: OrderType): fc.Arbitrary<Step[]> =>
  fc
    .record({
      driver: fc.constantFrom(...DRIVERS),
      reassign: fc.boolean(),
      ending: fc.constantFrom(...ENDINGS),
      prepMinutes: fc.integer({ min: 1, max: 240 }),
      length: fc.integer({ min: 1, max: 12 }),
      cancelBy: fc.constantFrom(ADMIN, OUTLET, SYSTEM),
      // Gaps of 0 ms make ties on `at`, which the fold breaks by id.
      gaps: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 12, maxLength: 12 }),
    })
    .map(({ driver, reassign, ending, prepMinutes, length, cancelBy, gaps }) => {
      const other = driver === DRIVER1 ? DRIVER2 : DRIVER1;
      let steps = lifecycle(orderType, driver, other, reassign, ending, prepMinutes).slice(0, length);
      if (ending === 'cancelled') steps = [...steps, { type: 'cancelled', by: cancelBy, data: { reason: 'customer asked to cancel' } }];
      let at = 0;
      return steps.map((s, i) => ({ ...s, at: (at += gaps[i] ?? 1) }));
    });

/** Anything a permitted role might append concurrently: most of it conflicts with the lifecycle. */
const noiseArb = (types: readonly EventType[]): fc.Arbitrary<Step> =>
  fc.constantFrom(...types).chain((type) =>
    fc
      .record({
        by: fc.constantFrom(...AUTHORS.filter((a) => mayAppend(a.role, type))),
        at: fc.integer({ min: 0, max: 40 }),
        prepMinutes: fc.integer({ min: 1, max: 240 }),
        minutes: fc.integer({ min: 1, max: 120 }),
        reason: fc.constantFrom(...REASONS),
        driver: fc.constantFrom(...DRIVERS),
        text: fc.constantFrom('ring the bell', 'no onions', 'gate 2'),
      })
      .map(({ by, at, prepMinutes, minutes, reason, driver, text }): Step => {
        const data: Record<EventType, Record<string, unknown>> = {
          placed: {},
          preparing: {},
          ready: {},
          handed_over: {},
          picked_up: {},
          delivered: {},
          accepted: { prepMinutes },
          delayed: { minutes },
          acknowledged: {},
          rejected: { reason },
          failed: { reason },
          cancelled: { reason },
          assigned: { driverId: driver.id },
          unassigned: { driverId: driver.id, reason },
          note: { text },
          cash_collected: { amount: prepMinutes * 100 },
          delivery_code_failed: {},
          payment_pending: { provider: 'stripe', amount: 1000, currency: 'INR', checkoutRef: 'cs_1', expiresAt: T0 + 1_800_000 },
          paid: { provider: 'stripe', amount: 1000, currency: 'INR', paymentRef: 'pi_1' },
          payment_failed: { provider: 'stripe', reason },
          refunded: { amount: 100, currency: 'INR', reason, method: 'card', refundedBy: by.id },
        };
        return { type, at, by, data: data[type] };
      }),
  );

const withIds = (steps: readonly Step[], eventIds: readonly string[]): OrderEvent[] =>
  steps.map((s, i) => orderEventSchema.parse({ ...s.data, id: eventIds[i], type: s.type, at: T0 + s.at, by: s.by }));

/**
 * Realistic event streams: a lifecycle of a random order type, cut short at a random step, with
 * concurrent events by every role (only event types that role may append) at random times with ties.
 */
export const scenarioArb = (options: { readonly extra?: { readonly min: number; readonly max: number } } = {}): fc.Arbitrary<Scenario> =>
  fc
    .constantFrom(...ORDER_TYPES)
    .chain((orderType) =>
      fc.record({
        orderType: fc.constant(orderType),
        lifecycle: lifecycleArb(orderType),
        noise: fc.array(noiseArb(EVENT_TYPES.filter((t) => t !== 'placed')), { maxLength: 8 }),
        extra: fc.array(noiseArb(EVENT_TYPES), { minLength: options.extra?.min ?? 0, maxLength: options.extra?.max ?? 0 }),
      }),
    )
    .chain(({ orderType, lifecycle: path, noise, extra }) => {
      const steps = [...path, ...noise];
      return fc.uniqueArray(idArb, { minLength: steps.length + extra.length, maxLength: steps.length + extra.length }).map((eventIds) => ({
        orderType,
        events: withIds(steps, eventIds),
        extra: withIds(extra, eventIds.slice(steps.length)),
      }));
    });

/** A permutation of `items`. */
export const permutationArb = <T>(items: readonly T[]): fc.Arbitrary<T[]> =>
  fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });
