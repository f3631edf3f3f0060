import { LEDGER_ENTRIES } from './cash/ledgerEntries';
import type { DocRef } from './docNames';
import type { OutletId, UserId } from './ids';
import type { EventType } from './order/events';
import { actionEventsOf } from './order/orderActions';
import { PAYMENT_EVENT_TYPES } from './order/transitions';
import type { Actor, EventAuthorRole } from './roles';

/**
 * Which author role may append which event type to an order it can see: people by the actions
 * table; the server (system) by the steps it takes itself.
 */
export const EVENT_PERMISSIONS: { readonly [R in EventAuthorRole]: ReadonlySet<EventType> } = {
  admin: new Set<EventType>([...actionEventsOf('admin'), 'assigned', 'unassigned']),
  outlet: new Set<EventType>(actionEventsOf('outlet')),
  driver: new Set<EventType>(actionEventsOf('driver')),
  // picked_up / delivered: the delivery API (PUT /delivery/{id}) called with the service token, which has no user.
  // Payment events: only the server's payment steps write them (sync-server/payments/); a device never may.
  system: new Set<EventType>(['placed', 'assigned', 'unassigned', 'cancelled', 'picked_up', 'delivered', 'note', ...PAYMENT_EVENT_TYPES]),
  customer: new Set<EventType>([]),
};

export const mayAppend = (role: EventAuthorRole, type: EventType): boolean => EVENT_PERMISSIONS[role].has(type);

/** What the server knows about an order when deciding who may hold it. */
export interface OrderAccessFacts {
  readonly outletId: OutletId;
  readonly driverId: UserId | null;
}

/**
 * May this actor (null = no login) hold this document?
 * Orders need their facts; every other document is decided by its name alone.
 */
export function maySubscribe(actor: Actor | null, ref: DocRef, order?: OrderAccessFacts): boolean {
  if (ref.kind === 'track') return true; // the unguessable token is the credential
  if (!actor) return false;
  if (actor.role === 'admin') return true;
  switch (ref.kind) {
    case 'order':
      if (!order) return false;
      return actor.role === 'outlet' ? order.outletId === actor.outletId : order.driverId === actor.id;
    case 'outlet':
    case 'outletInbox':
      return actor.role === 'outlet' && actor.outletId === ref.outletId;
    case 'driverInbox':
      return actor.role === 'driver' && actor.id === ref.driverId;
    case 'adminInbox':
      return false;
    // The driver's own; any outlet's staff, since a driver may hand cash in at any outlet.
    case 'cashLedger':
      return actor.role === 'outlet' || actor.id === ref.driverId;
  }
}

/** Root types a client may change in a document; the rest is written by the server only. */
export function writableRoots(actor: Actor, ref: DocRef): ReadonlySet<string> {
  switch (ref.kind) {
    case 'order':
      return new Set(['events']);
    case 'outlet':
      if (actor.role === 'admin') return new Set(['profile', 'menu', 'availability', 'status']);
      return actor.role === 'outlet' ? new Set(['availability', 'status']) : new Set();
    case 'cashLedger':
      // Which entries each may add is checked per entry (shared/cash/ledgerRules.ts).
      return new Set([LEDGER_ENTRIES]);
    default:
      return new Set();
  }
}
