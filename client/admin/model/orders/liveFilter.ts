import type { OutletId } from '../../../../shared/ids';
import { isTerminal, type OrderStatus } from '../../../../shared/order/status';
import { matchesQuery } from '../../../common/orders/matchesQuery';
import type { HeldOrder } from './orderBook';
import { isLate, isUnassigned, promiseTimer } from './promise';

/** `active`: every order still under way; `finished`: today's closed ones; or one status. */
export type StatusFilter = 'active' | 'finished' | OrderStatus;

export interface LiveFilter {
  readonly outletId: OutletId | null;
  readonly status: StatusFilter;
  readonly lateOnly: boolean;
  readonly unassignedOnly: boolean;
  readonly query: string;
}

export const NO_FILTER: LiveFilter = { outletId: null, status: 'active', lateOnly: false, unassignedOnly: false, query: '' };

function statusMatches(order: HeldOrder, status: StatusFilter, since: number): boolean {
  const current = order.state.status;
  if (status === 'active') return !isTerminal(current);
  if (status === 'finished') return isTerminal(current) && order.header.createdAt >= since;
  return current === status;
}

/** What the next deadline is, for sorting: late and soonest-due first, then the oldest. */
function dueAt(order: HeldOrder, now: number): number {
  const timer = promiseTimer(order, now);
  if (timer.kind === 'due' || timer.kind === 'arriving') return timer.at;
  return order.state.placedAt ?? order.header.createdAt;
}

/**
 * The orders live operations lists: filtered, then the late ones first, each group by its next
 * deadline, so what needs someone now is at the top. `since` is the start of today (finished orders).
 */
export function filterLive(orders: readonly HeldOrder[], filter: LiveFilter, now: number, since: number): HeldOrder[] {
  const shown = orders.filter(
    (o) =>
      (filter.outletId === null || o.header.outletId === filter.outletId) &&
      statusMatches(o, filter.status, since) &&
      (!filter.lateOnly || isLate(o, now)) &&
      (!filter.unassignedOnly || isUnassigned(o)) &&
      matchesQuery(
        {
          id: o.id,
          customerName: o.header.customer.name,
          customerPhone: o.header.customer.phone,
          also: [o.header.outlet.name, o.header.address?.text ?? ''],
        },
        filter.query,
      ),
  );
  const keyed = shown.map((o) => ({ o, late: isLate(o, now), due: dueAt(o, now) }));
  keyed.sort((a, b) => Number(b.late) - Number(a.late) || a.due - b.due || (a.o.id < b.o.id ? -1 : 1));
  return keyed.map((k) => k.o);
}
