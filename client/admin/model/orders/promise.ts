import { distanceMeters } from '../../../../shared/catalog/zones';
import { tripMs } from '../../../../shared/dispatch/arrival';
import { orderTimer, statusSince, type OrderTimer } from '../../../../shared/order/board';
import { isTerminal } from '../../../../shared/order/status';
import type { HeldOrder } from './orderBook';

/**
 * An order's clock against what was promised: the outlet board's timers (answer within 5 minutes,
 * ready by the accepted prep time) and, once a delivery is on its way, the arrival promised when the
 * outlet accepted it (ready-by plus the trip at courier speed).
 */
export type PromiseTimer =
  OrderTimer | { readonly kind: 'arriving'; readonly at: number; readonly minutes: number; readonly late: boolean };

const MINUTE = 60_000;

/** When the current status began: the last applied status-setting event. */
export const statusAtOf = (order: HeldOrder): number => statusSince(order.state.applied, order.state.placedAt ?? order.header.createdAt);

/** When a delivery was promised at the door, or null before the outlet accepted it (or for pickups). */
export function promisedArrival(order: HeldOrder): number | null {
  const { header, state } = order;
  if (header.type !== 'delivery' || !header.address || state.readyBy === null) return null;
  return state.readyBy + tripMs(distanceMeters(header.outlet, header.address));
}

export function promiseTimer(order: HeldOrder, now: number): PromiseTimer {
  const { state } = order;
  const arrival = order.state.status === 'picked_up' ? promisedArrival(order) : null;
  if (arrival !== null) return { kind: 'arriving', at: arrival, minutes: Math.ceil(Math.abs(arrival - now) / MINUTE), late: now > arrival };
  return orderTimer(
    {
      id: order.id,
      status: state.status,
      placedAt: state.placedAt ?? order.header.createdAt,
      readyBy: state.readyBy,
      statusAt: statusAtOf(order),
    },
    now,
  );
}

/** Late against its promise now (finished orders are not). */
export function isLate(order: HeldOrder, now: number): boolean {
  if (isTerminal(order.state.status)) return false;
  const timer = promiseTimer(order, now);
  return timer.kind !== 'none' && timer.late;
}

/** A delivery still to be collected with no driver on it: dispatch's queue. */
export function isUnassigned(order: HeldOrder): boolean {
  const { status, driverId } = order.state;
  return order.header.type === 'delivery' && driverId === null && !isTerminal(status) && status !== 'picked_up';
}
