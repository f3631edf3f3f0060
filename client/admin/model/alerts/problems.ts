import type { DispatchEntry } from '../../../../shared/adminDispatch';
import type { OrderId, OutletId } from '../../../../shared/ids';
import { orderNumber } from '../../../../shared/order/orderNumber';
import { clockTime } from '../../../common/ui/clockTime';
import type { HeldOrder } from '../orders/orderBook';
import { isLate, isUnassigned, promiseTimer, statusAtOf } from '../orders/promise';
import { timerText } from '../orders/timerText';
import type { KeyedAlert } from './serverAlerts';

export type ProblemKind =
  'late' | 'rejected' | 'failed' | 'order_unanswered' | 'outlet_offline' | 'offer_unanswered' | 'no_driver' | 'conflict' | 'cash_mismatch';

/** Something an admin should look at now. `key` names the problem, so it is raised once however often it is seen. */
export interface Problem {
  readonly key: string;
  readonly kind: ProblemKind;
  readonly orderId: OrderId | null;
  readonly outletId: OutletId | null;
  readonly text: string;
  /** When it began. */
  readonly since: number;
}

/** Each kind in a word, shown beside the text: a problem is never told by its colour alone. */
export const PROBLEM_WORDS: { readonly [K in ProblemKind]: string } = {
  late: 'Late',
  rejected: 'Rejected',
  failed: 'Delivery failed',
  order_unanswered: 'Unanswered',
  outlet_offline: 'Outlet offline',
  offer_unanswered: 'Offer unanswered',
  no_driver: 'No driver',
  conflict: 'Conflict',
  cash_mismatch: 'Cash mismatch',
};

const named = (order: HeldOrder): string => `${orderNumber(order.id)} (${order.header.customer.name}, ${order.header.outlet.name})`;

function reasonOf(order: HeldOrder): string {
  const closing = order.state.applied.findLast((e) => e.type === 'rejected' || e.type === 'failed');
  return closing && 'reason' in closing ? `: ${closing.reason}` : '';
}

/** Dispatch's troubles with a delivery still waiting: nobody could be offered it, or a driver let the offer lapse. */
function dispatchProblem(order: HeldOrder, entry: DispatchEntry): Problem | null {
  const base = { orderId: order.id, outletId: order.header.outletId };
  if (entry.waitingSince !== null) {
    const text = `${named(order)}: no driver could be offered it since ${clockTime(entry.waitingSince)}`;
    return { ...base, key: `no_driver:${order.id}`, kind: 'no_driver', text, since: entry.waitingSince };
  }
  const lapsed = entry.passes.findLast((p) => p.reason === 'timeout');
  if (!lapsed) return null;
  const text = `${named(order)}: ${lapsed.driverName} did not answer the offer; it moved on`;
  return { ...base, key: `offer_unanswered:${order.id}`, kind: 'offer_unanswered', text, since: lapsed.at };
}

/**
 * The problems in what the device holds at `now`: orders late against their promise; orders rejected
 * or failed since `since` (today); changes made while devices were apart that had no effect (today);
 * deliveries dispatch cannot place (nobody to offer them to, an offer
 * left unanswered); and the server's own open alerts (an outlet offline, an order left unanswered). An
 * order the server already raised as unanswered is not raised again as late.
 */
export function findProblems(
  orders: readonly HeldOrder[],
  serverAlerts: readonly KeyedAlert[],
  dispatch: ReadonlyMap<OrderId, DispatchEntry>,
  now: number,
  since: number,
): Problem[] {
  const problems: Problem[] = serverAlerts.map(({ key, alert }) => ({
    key,
    kind: alert.kind,
    orderId: alert.orderId,
    outletId: alert.outletId,
    text: alert.message,
    since: alert.since,
  }));
  const raisedByServer = new Set(serverAlerts.flatMap(({ alert }) => (alert.orderId ? [alert.orderId] : [])));
  for (const order of orders) {
    const { status } = order.state;
    const base = { orderId: order.id, outletId: order.header.outletId };
    if ((status === 'rejected' || status === 'failed') && statusAtOf(order) >= since) {
      const text = `${named(order)} ${status === 'rejected' ? 'was rejected' : 'could not be delivered'}${reasonOf(order)}`;
      problems.push({ ...base, key: `${status}:${order.id}`, kind: status, text, since: statusAtOf(order) });
    } else if (isLate(order, now) && !raisedByServer.has(order.id)) {
      const timer = timerText(promiseTimer(order, now), status) ?? 'late';
      problems.push({ ...base, key: `late:${order.id}`, kind: 'late', text: `${named(order)}: ${timer}`, since: statusAtOf(order) });
    }
    const lost = order.state.conflicts.filter((c) => c.event.at >= since);
    const newest = lost.at(-1);
    if (newest) {
      // Keyed by how many: a further change that loses is raised again.
      const text = `${named(order)}: ${lost.length === 1 ? 'a change' : `${lost.length} changes`} made while devices were apart had no effect`;
      problems.push({ ...base, key: `conflict:${order.id}:${lost.length}`, kind: 'conflict', text, since: newest.event.at });
    }
    const entry = isUnassigned(order) ? dispatch.get(order.id) : undefined;
    const stuck = entry ? dispatchProblem(order, entry) : null;
    if (stuck) problems.push(stuck);
  }
  return problems.sort((a, b) => a.since - b.since || (a.key < b.key ? -1 : 1));
}
