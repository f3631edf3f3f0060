import type { ChosenDriver } from '../../shared/dispatch/chooseDriver';
import type { OrderId, UserId } from '../../shared/ids';
import { fail, type Fail, type Result } from '../../shared/result';
import type { AcceptRefusal, AssignRefusal, DeclineRefusal, ShuttingDown } from './dispatcher';

/** No node could decide: none leads right now (one died and the next is taking over), or it did not answer in time. */
export type DispatchUnavailable = 'dispatch_unavailable';

/** How long a client should wait before asking again, when dispatch was unavailable (takeover takes a few seconds). */
export const DISPATCH_RETRY_AFTER_SECONDS = 3;

/** The Retry-After of a `dispatch_unavailable` answer. */
export const DISPATCH_HEADERS = { dispatch_unavailable: { 'Retry-After': String(DISPATCH_RETRY_AFTER_SECONDS) } } as const;

export const DISPATCH_UNAVAILABLE: Fail<DispatchUnavailable> = fail(
  'dispatch_unavailable',
  `Dispatch is moving to another server; try again in ${DISPATCH_RETRY_AFTER_SECONDS} seconds.`,
);

/**
 * Dispatch as routes and sockets see it, on any node: decisions are made by the node that leads
 * (dispatchNode.ts), wherever the request came in.
 */
export interface DispatchPort {
  /** Whether this node makes dispatch's decisions now (one node of several does; a node alone always). */
  readonly leading: boolean;
  /** Asks again for every delivery waiting for a driver (a driver came on shift, moved, or freed a place). */
  kick(): void;
  accept(driverId: UserId, orderId: OrderId): Promise<Result<undefined, AcceptRefusal | DispatchUnavailable>>;
  decline(driverId: UserId, orderId: OrderId, reason: string | null): Promise<Result<undefined, DeclineRefusal | DispatchUnavailable>>;
  shiftChanged(driverId: UserId, onShift: boolean): Promise<Result<undefined, ShuttingDown | DispatchUnavailable>>;
  assignNow(orderId: OrderId): Promise<Result<ChosenDriver, AssignRefusal | DispatchUnavailable>>;
}
