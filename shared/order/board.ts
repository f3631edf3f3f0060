import type { OrderEvent } from './events';
import type { OrderStatus } from './status';

/**
 * The outlet board: which column an order sits in and what its timer says. Pure, so every device
 * (and every test) sorts and times the same orders the same way.
 */
export const BOARD_COLUMNS = ['new', 'accepted', 'preparing', 'ready', 'out', 'done'] as const;
export type BoardColumn = (typeof BOARD_COLUMNS)[number];

const COLUMN_OF: { readonly [S in OrderStatus]: BoardColumn } = {
  // An outlet never holds an unpaid card order (its inbox gets it once paid); an admin board shows it as new.
  awaiting_payment: 'new',
  placed: 'new',
  accepted: 'accepted',
  preparing: 'preparing',
  ready: 'ready',
  picked_up: 'out',
  delivered: 'done',
  rejected: 'done',
  cancelled: 'done',
  failed: 'done',
};

export const columnOf = (status: OrderStatus): BoardColumn => COLUMN_OF[status];

/** What the board needs of an order; the device's query rows carry more. */
export interface BoardOrder {
  readonly id: string;
  readonly status: OrderStatus;
  readonly placedAt: number;
  readonly readyBy: number | null;
  /** When the current status began (the event that set it). */
  readonly statusAt: number;
}

export type BoardColumns<T> = { readonly [C in BoardColumn]: readonly T[] };

export interface Board<T> {
  readonly columns: BoardColumns<T>;
  /** Done orders closed before `doneSince`: history, not the board. */
  readonly doneEarlier: number;
}

const byThenId =
  <T extends BoardOrder>(key: (o: T) => number) =>
  (a: T, b: T): number =>
    key(a) - key(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const dueAt = (o: BoardOrder): number => o.readyBy ?? o.placedAt;

/**
 * Groups orders into columns. New orders are first come, first served; kitchen columns put the
 * order due soonest on top; done shows only what closed since `doneSince` (today), newest first.
 */
export function groupBoard<T extends BoardOrder>(orders: readonly T[], doneSince: number): Board<T> {
  const columns: { [C in BoardColumn]: T[] } = { new: [], accepted: [], preparing: [], ready: [], out: [], done: [] };
  let doneEarlier = 0;
  for (const order of orders) {
    const column = columnOf(order.status);
    if (column === 'done' && order.statusAt < doneSince) doneEarlier += 1;
    else columns[column].push(order);
  }
  columns.new.sort(byThenId((o) => o.placedAt));
  columns.accepted.sort(byThenId(dueAt));
  columns.preparing.sort(byThenId(dueAt));
  columns.ready.sort(byThenId(dueAt));
  columns.out.sort(byThenId((o) => o.statusAt));
  columns.done.sort(byThenId((o) => -o.statusAt));
  return { columns, doneEarlier };
}

/** A new order not accepted within this many minutes is shown late: the customer is waiting for an answer. */
export const ACCEPT_WITHIN_MINUTES = 5;

export type OrderTimer =
  /** New: minutes since it was placed. */
  | { readonly kind: 'waiting'; readonly minutes: number; readonly late: boolean }
  /** In the kitchen: minutes to the ready-by time, or past it when late. */
  | { readonly kind: 'due'; readonly at: number; readonly minutes: number; readonly late: boolean }
  /** Ready or out for delivery: minutes in that state, and whether it became ready after its promise. */
  | { readonly kind: 'since'; readonly minutes: number; readonly late: boolean }
  | { readonly kind: 'none' };

const MINUTE = 60_000;
const wholeMinutes = (ms: number): number => Math.ceil(Math.abs(ms) / MINUTE);
const elapsedMinutes = (ms: number): number => Math.max(0, Math.floor(ms / MINUTE));

/** The timer shown on an order's card at `now`, against its promised (ready-by) time. */
export function orderTimer(order: BoardOrder, now: number): OrderTimer {
  switch (columnOf(order.status)) {
    case 'new': {
      const minutes = elapsedMinutes(now - order.placedAt);
      return { kind: 'waiting', minutes, late: minutes >= ACCEPT_WITHIN_MINUTES };
    }
    case 'accepted':
    case 'preparing': {
      if (order.readyBy === null) return { kind: 'none' };
      return { kind: 'due', at: order.readyBy, minutes: wholeMinutes(order.readyBy - now), late: now > order.readyBy };
    }
    case 'ready':
    case 'out':
      return {
        kind: 'since',
        minutes: elapsedMinutes(now - order.statusAt),
        late: order.readyBy !== null && order.statusAt > order.readyBy && order.status === 'ready',
      };
    case 'done':
      return { kind: 'none' };
  }
}

/** Event types that set an order's status (notes, delays and assignments do not). */
const STATUS_EVENTS: ReadonlySet<OrderEvent['type']> = new Set([
  'placed',
  'accepted',
  'rejected',
  'preparing',
  'ready',
  'handed_over',
  'picked_up',
  'delivered',
  'failed',
  'cancelled',
]);

/** When the order entered its current status: the time of the last applied status-setting event. */
export function statusSince(applied: readonly OrderEvent[], fallback: number): number {
  for (let i = applied.length - 1; i >= 0; i -= 1) {
    const event = applied[i];
    if (event && STATUS_EVENTS.has(event.type)) return event.at;
  }
  return fallback;
}

/** Midnight at the start of `now`'s day on this device's clock: where "today" begins for the board. */
export function startOfLocalDay(now: number): number {
  const day = new Date(now);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
}
