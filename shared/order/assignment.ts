import type { UserId } from '../ids';
import type { OrderEvent } from './events';
import type { OrderState } from './reduceOrder';

/** The applied `assigned` event that put the current driver on the order, or null when none is assigned. */
export function currentAssignment(state: OrderState): { readonly driverId: UserId; readonly at: number } | null {
  if (state.driverId === null) return null;
  for (let i = state.applied.length - 1; i >= 0; i--) {
    const e = state.applied[i];
    if (e?.type === 'assigned' && e.driverId === state.driverId) return { driverId: e.driverId, at: e.at };
  }
  return null;
}

/** When the assigned driver finished with the order (delivered or failed), by the device clock; null while not. */
export function deliveryEndedAt(state: OrderState): number | null {
  if (state.status !== 'delivered' && state.status !== 'failed') return null;
  const end = state.applied.findLast((e) => e.type === 'delivered' || e.type === 'failed');
  return end?.at ?? null;
}

/**
 * The time for an event the server appends now. Events fold in (at, id) order, and a device clock may
 * run up to the allowed skew ahead of the server; stamping after every event already there keeps the
 * server's decision (an assignment, a completion) after everything it was based on.
 */
export function eventTimeAfter(events: readonly OrderEvent[], now: number): number {
  let latest = Number.NEGATIVE_INFINITY;
  for (const e of events) if (e.at > latest) latest = e.at;
  return Math.max(now, latest + 1);
}
