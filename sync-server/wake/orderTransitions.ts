import { driverInboxName, orderDocName, outletInboxName, trackDocName } from '../../shared/docNames';
import type { TrackingToken, UserId } from '../../shared/ids';
import { formatMoneyShort } from '../../shared/money';
import type { OrderEvent } from '../../shared/order/events';
import type { OrderView } from '../../shared/order/orderDoc';
import { orderNumber } from '../../shared/order/orderNumber';
import { isTerminal, type OrderStatus } from '../../shared/order/status';
import type { WakeData, WakeKind } from '../../shared/wake/wakeMessage';
import { DRIVER_HOME_PATH, driverJobPath, outletOrderPath, trackPagePath } from '../../shared/wake/wakePaths';
import type { WakeMark } from '../storage/wakeMarks';
import type { WakeTarget } from './waker';
import { clip } from './clip';

/** One wake-up an order's change calls for. */
export interface OrderWake {
  readonly target: WakeTarget;
  readonly data: WakeData;
}

const REASON_CHARS = 200;

/** "2 items, ₹330". */
function contents(view: OrderView): string {
  const count = view.header.items.reduce((n, line) => n + line.qty, 0);
  return `${count} ${count === 1 ? 'item' : 'items'}, ${formatMoneyShort(view.header.totals.total, view.header.currency)}`;
}

/** The applied event that made the latest change of `type`, for who did it and why. */
const latest = <T extends OrderEvent['type']>(view: OrderView, type: T): Extract<OrderEvent, { type: T }> | undefined =>
  view.state.applied.findLast((e): e is Extract<OrderEvent, { type: T }> => e.type === type);

function message(view: OrderView, kind: WakeKind, docs: string[], title: string, body: string, open: string): WakeData {
  return { dabba: '1', kind, docs, title, body, open, tag: `order-${view.header.id}` };
}

function forOutlet(view: OrderView, kind: WakeKind, body: string): OrderWake {
  const { id, outletId, outlet } = view.header;
  return {
    target: { kind: 'outlet', outletId },
    data: message(view, kind, [orderDocName(id), outletInboxName(outletId)], outlet.name, body, outletOrderPath(id)),
  };
}

function forDriver(view: OrderView, driverId: UserId, kind: WakeKind, title: string, body: string, canRead: boolean): OrderWake {
  const { id } = view.header;
  // A driver taken off the order may no longer read it: only their inbox is theirs to pull.
  const docs = canRead ? [orderDocName(id), driverInboxName(driverId)] : [driverInboxName(driverId)];
  return {
    target: { kind: 'user', userId: driverId },
    data: message(view, kind, docs, title, body, canRead ? driverJobPath(id) : DRIVER_HOME_PATH),
  };
}

/** What the customer following the order hears of each status; null: nothing worth a notification. */
function customerLine(view: OrderView, status: OrderStatus): string | null {
  const { type, outlet } = view.header;
  switch (status) {
    case 'accepted':
      return view.state.prepMinutes
        ? `${outlet.name} accepted your order: ready in about ${view.state.prepMinutes} min.`
        : `${outlet.name} accepted your order.`;
    case 'ready':
      return type === 'delivery' ? null : type === 'pickup' ? 'Your order is ready to collect.' : 'Your order is ready.';
    case 'picked_up':
      return 'Your order is on its way.';
    case 'delivered':
      return type === 'delivery' ? 'Your order was delivered. Enjoy your meal!' : 'Your order was handed over. Enjoy your meal!';
    case 'rejected':
      return `Sorry: ${outlet.name} could not take your order.`;
    case 'cancelled':
      return 'Your order was cancelled.';
    case 'failed':
      return 'Your order could not be delivered. The restaurant will be in touch.';
    case 'awaiting_payment':
    case 'placed':
    case 'preparing':
      return null;
  }
}

function forCustomer(view: OrderView, token: TrackingToken): OrderWake | null {
  const line = customerLine(view, view.state.status);
  if (!line) return null;
  return {
    target: { kind: 'track', token },
    data: {
      dabba: '1',
      kind: 'track_status',
      docs: [trackDocName(token)],
      title: view.header.outlet.name,
      body: line,
      open: trackPagePath(token),
      tag: `track-${token}`,
    },
  };
}

function cancellation(view: OrderView, before: WakeMark): OrderWake[] {
  const cancel = latest(view, 'cancelled');
  const by = cancel?.by;
  const why = cancel ? `: ${clip(cancel.reason, REASON_CHARS)}` : '';
  const number = orderNumber(view.header.id);
  const wakes: OrderWake[] = [];
  if (by?.role !== 'outlet') wakes.push(forOutlet(view, 'cancelled', `Order ${number} was cancelled${why}`));
  const driverId = view.state.driverId ?? before.driverId;
  if (driverId && by?.id !== driverId)
    wakes.push(
      forDriver(
        view,
        driverId,
        'cancelled',
        'Delivery cancelled',
        `Order ${number} from ${view.header.outlet.name} was cancelled${why}`,
        true,
      ),
    );
  return wakes;
}

function reassignment(view: OrderView, before: WakeMark): OrderWake[] {
  const number = orderNumber(view.header.id);
  const outletName = view.header.outlet.name;
  const wakes: OrderWake[] = [];
  const gone = before.driverId;
  if (gone && latest(view, 'unassigned')?.by.id !== gone)
    wakes.push(
      forDriver(view, gone, 'cancelled', 'Delivery taken off you', `Order ${number} from ${outletName} is no longer yours.`, false),
    );
  const driverId = view.state.driverId;
  if (driverId)
    wakes.push(
      forDriver(view, driverId, 'assigned', 'New delivery', `Order ${number} from ${outletName} is yours: ${contents(view)}`, true),
    );
  return wakes;
}

/**
 * The wake-ups one change of an order calls for, from the state they were last decided for (`before`;
 * null for a new order) to the order now: a new order for its outlet; an assignment for the driver
 * and a reassignment for the one taken off; a cancellation for the outlet and the driver unless they
 * made it; each status a customer cares about for whoever follows the tracking link.
 */
export function wakesForChange(before: WakeMark | null, view: OrderView, token: TrackingToken): OrderWake[] {
  const { status, driverId } = view.state;
  if (before === null) {
    return status === 'placed' ? [forOutlet(view, 'new_order', `New order ${orderNumber(view.header.id)} — ${contents(view)}`)] : [];
  }
  const wakes: OrderWake[] = [];
  // A card order reaches its outlet when paid: that is its new-order ring. Given up unpaid, the outlet never knew it.
  if (before.status === 'awaiting_payment') {
    return status === 'placed' ? [forOutlet(view, 'new_order', `New order ${orderNumber(view.header.id)} — ${contents(view)}`)] : [];
  }
  if (before.status !== status) {
    if (status === 'cancelled') wakes.push(...cancellation(view, before));
    const customer = forCustomer(view, token);
    if (customer) wakes.push(customer);
  }
  // A finished order needs no driver: taking one off it is bookkeeping, not news.
  if (before.driverId !== driverId && !isTerminal(status)) wakes.push(...reassignment(view, before));
  return wakes;
}
