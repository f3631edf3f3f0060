import { distanceMeters } from '../catalog/zones';
import { cashDue } from '../dispatch/offer';
import { tripMs } from '../dispatch/arrival';
import type { EventOf, OrderEvent } from './events';
import type { OrderView } from './orderDoc';
import { isTerminal } from './status';

const MINUTE = 60_000;

/**
 * When an order reached each step, and what was promised: what stats and exports read. Times are
 * those of the applied events (the author's device clock); conflicting events never count.
 */
export interface OrderTimings {
  readonly acceptedAt: number | null;
  /** Prep time promised when the outlet accepted. */
  readonly prepMinutes: number | null;
  /** Delays the outlet announced after accepting. */
  readonly delayMinutes: number;
  readonly readyAt: number | null;
  /** The food left the kitchen: picked up by the driver, or handed over (pickup, dine-in). */
  readonly pickedUpAt: number | null;
  /** When it became delivered, handed over, rejected, cancelled or failed. */
  readonly finishedAt: number | null;
  /**
   * The promise made at acceptance: ready after the prep time, and for deliveries at the door a trip
   * at courier speed later. Announced delays do not move it.
   */
  readonly promisedAt: number | null;
  /** Completed later than promised: delivered after `promisedAt`, or (pickup, dine-in) ready after it. Null until completed. */
  readonly late: boolean | null;
  /** Why it was rejected, cancelled or failed. */
  readonly endReason: string | null;
  /** What the driver collects at the door, minor units. */
  readonly cashDue: number;
}

const isOneOf = <T extends OrderEvent['type']>(e: OrderEvent, types: readonly T[]): e is EventOf<T> =>
  (types as readonly OrderEvent['type'][]).includes(e.type);

/** The last applied event of one of `types`. */
function lastOf<T extends OrderEvent['type']>(applied: readonly OrderEvent[], types: readonly T[]): EventOf<T> | null {
  for (let i = applied.length - 1; i >= 0; i -= 1) {
    const e = applied[i];
    if (e && isOneOf(e, types)) return e;
  }
  return null;
}

export function orderTimings({ header, state }: OrderView): OrderTimings {
  const { applied } = state;
  const readyAt = lastOf(applied, ['ready'])?.at ?? null;
  const pickedUpAt = lastOf(applied, ['picked_up', 'handed_over'])?.at ?? null;
  const end = isTerminal(state.status) ? lastOf(applied, ['delivered', 'handed_over', 'rejected', 'cancelled', 'failed']) : null;
  const trip = header.type === 'delivery' && header.address ? tripMs(distanceMeters(header.outlet, header.address)) : 0;
  const readyPromise = state.acceptedAt !== null && state.prepMinutes !== null ? state.acceptedAt + state.prepMinutes * MINUTE : null;
  const promisedAt = readyPromise === null ? null : readyPromise + trip;
  const done = header.type === 'delivery' ? (end?.type === 'delivered' ? end.at : null) : (readyAt ?? pickedUpAt);
  return {
    acceptedAt: state.acceptedAt,
    prepMinutes: state.prepMinutes,
    delayMinutes: state.delayMinutes,
    readyAt,
    pickedUpAt,
    finishedAt: end?.at ?? null,
    promisedAt,
    late: state.status === 'delivered' && done !== null && promisedAt !== null ? done > promisedAt : null,
    endReason: end && 'reason' in end ? end.reason : null,
    cashDue: cashDue(header),
  };
}
