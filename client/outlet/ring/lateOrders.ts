import { orderTimer, type BoardOrder } from '../../../shared/order/board';

/**
 * Orders past the time the kitchen promised, which escalate beyond the card's red pill: a banner
 * and a tone. Pure: the shell feeds it the kitchen's open orders and the clock.
 */
export interface LateOrder {
  readonly id: string;
  readonly customerName: string;
  /** Whole minutes past the ready-by time, at least 1. */
  readonly minutesLate: number;
}

/**
 * Accepted or preparing orders whose ready-by time has passed, the latest first. New orders have
 * the server's escalation instead; ready ones are done in the kitchen.
 */
export function lateOrders(orders: readonly (BoardOrder & { readonly customerName: string })[], now: number): LateOrder[] {
  const late: LateOrder[] = [];
  for (const order of orders) {
    if (order.status !== 'accepted' && order.status !== 'preparing') continue;
    const timer = orderTimer(order, now);
    if (timer.kind === 'due' && timer.late) late.push({ id: order.id, customerName: order.customerName, minutesLate: timer.minutes });
  }
  return late.sort((a, b) => b.minutesLate - a.minutesLate || a.id.localeCompare(b.id));
}

/**
 * Whether the late tone sounds: some late order this device has not quietened yet ("Got it"), and
 * the tablet is not muted. An order turning late breaks through an earlier "Got it"; mute silences all.
 */
export const lateSounding = (late: readonly LateOrder[], quietened: ReadonlySet<string>, muted: boolean): boolean =>
  !muted && late.some((o) => !quietened.has(o.id));

/** The banner's line, by the numbers staff say: "Late: #K7M3X 6 min (Meera)", "3 orders late: …". */
export function lateText(late: readonly LateOrder[], numberOf: (id: string) => string): string {
  const parts = late.map((o) => `${numberOf(o.id)} ${o.minutesLate} min (${o.customerName})`);
  return late.length === 1 ? `Late: ${parts.join('')}` : `${late.length} orders late: ${parts.join(', ')}`;
}
