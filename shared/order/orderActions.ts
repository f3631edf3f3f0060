import type { UserId } from '../ids';
import type { Actor, Role } from '../roles';
import type { EventData } from './events';
import { ACTION_RULES, type ActionEventType } from './transitions';
import type { OrderStatus, OrderType } from './status';

interface ActionSpec<T extends ActionEventType> {
  /** The event the action appends; its data (EventData) is what the action needs. */
  readonly event: T;
  /** Who may take it; the order's state then decides when (ACTION_RULES). */
  readonly roles: readonly Role[];
}

const STAFF: readonly Role[] = ['outlet', 'admin'];
const DRIVER: readonly Role[] = ['driver', 'admin'];

const spec = <T extends ActionEventType>(event: T, roles: readonly Role[]): ActionSpec<T> => ({ event, roles });

export const ORDER_ACTION_NAMES = [
  'accept',
  'reject',
  'prepare',
  'markReady',
  'delay',
  'handOver',
  'cancel',
  'pickUp',
  'deliver',
  'fail',
  'addNote',
  'acknowledge',
  'collectCash',
  'failCode',
] as const;
export type OrderAction = (typeof ORDER_ACTION_NAMES)[number];

/** The one table of what people do to an order. Permissions (shared/permissions.ts) and screens read it. */
export const ORDER_ACTIONS = {
  accept: spec('accepted', STAFF),
  reject: spec('rejected', STAFF),
  prepare: spec('preparing', STAFF),
  markReady: spec('ready', STAFF),
  delay: spec('delayed', STAFF),
  handOver: spec('handed_over', STAFF),
  cancel: spec('cancelled', STAFF),
  pickUp: spec('picked_up', DRIVER),
  deliver: spec('delivered', DRIVER),
  fail: spec('failed', DRIVER),
  addNote: spec('note', ['outlet', 'driver', 'admin']),
  // The outlet's own tablets ring; nobody else hears them, so nobody else silences them.
  acknowledge: spec('acknowledged', ['outlet']),
  // Only the driver holds the cash, so only the driver says what was collected (not an admin for them).
  collectCash: spec('cash_collected', ['driver']),
  // Only the one at the door types the customer's code.
  failCode: spec('delivery_code_failed', ['driver']),
} as const satisfies { readonly [A in OrderAction]: ActionSpec<ActionEventType> };

export type ActionEvent<A extends OrderAction> = (typeof ORDER_ACTIONS)[A]['event'];
/** What taking the action needs beyond who and when: the data of its event. */
export type ActionData<A extends OrderAction> = EventData<ActionEvent<A>>;

/** The event types a role may append by acting, from the table. */
export function actionEventsOf(role: Role): ActionEventType[] {
  return ORDER_ACTION_NAMES.filter((a) => ORDER_ACTIONS[a].roles.includes(role)).map((a) => ORDER_ACTIONS[a].event);
}

/** What an order must tell to know its next actions: its status list row is enough. */
export interface ActionableOrder {
  readonly status: OrderStatus;
  readonly type: OrderType;
  /** The assigned driver; null when none is or it is not known here, so actions needing one are not offered. */
  readonly driverId: UserId | null;
}

/** The actions `actor` may take on the order now: the role's actions whose rule allows them in this state. */
export function nextActions(actor: Actor, order: ActionableOrder): ReadonlySet<OrderAction> {
  const by = { id: actor.id, role: actor.role };
  const facts = { status: order.status, driverId: order.driverId };
  return new Set(
    ORDER_ACTION_NAMES.filter((action) => {
      const { event, roles } = ORDER_ACTIONS[action];
      return roles.includes(actor.role) && ACTION_RULES[event](facts, { by }, { orderType: order.type }) === null;
    }),
  );
}
