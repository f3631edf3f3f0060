import { isId, type OrderId, type OutletId, type TrackingToken, type UserId } from './ids';

/** Every document a device or the server can hold, by name. See DESIGN.md "Document names". */
export type DocRef =
  | { readonly kind: 'order'; readonly orderId: OrderId }
  | { readonly kind: 'outlet'; readonly outletId: OutletId }
  | { readonly kind: 'outletInbox'; readonly outletId: OutletId }
  | { readonly kind: 'driverInbox'; readonly driverId: UserId }
  | { readonly kind: 'adminInbox' }
  | { readonly kind: 'track'; readonly token: TrackingToken };

export const orderDocName = (id: OrderId): string => `order:${id}`;
export const outletDocName = (id: OutletId): string => `outlet:${id}`;
export const outletInboxName = (id: OutletId): string => `inbox:outlet:${id}`;
export const driverInboxName = (id: UserId): string => `inbox:driver:${id}`;
export const ADMIN_INBOX = 'inbox:admin';
export const trackDocName = (token: TrackingToken): string => `track:${token}`;

export function docName(ref: DocRef): string {
  switch (ref.kind) {
    case 'order': return orderDocName(ref.orderId);
    case 'outlet': return outletDocName(ref.outletId);
    case 'outletInbox': return outletInboxName(ref.outletId);
    case 'driverInbox': return driverInboxName(ref.driverId);
    case 'adminInbox': return ADMIN_INBOX;
    case 'track': return trackDocName(ref.token);
  }
}

/** Parses a document name; `null` for anything that is not exactly one of the known shapes. */
export function parseDocName(name: string): DocRef | null {
  if (name === ADMIN_INBOX) return { kind: 'adminInbox' };
  const parts = name.split(':');
  const [head, a, b] = parts;
  if (parts.length === 2 && a !== undefined && isId(a)) {
    if (head === 'order') return { kind: 'order', orderId: a as OrderId };
    if (head === 'outlet') return { kind: 'outlet', outletId: a as OutletId };
    if (head === 'track') return { kind: 'track', token: a as TrackingToken };
  }
  if (parts.length === 3 && head === 'inbox' && b !== undefined && isId(b)) {
    if (a === 'outlet') return { kind: 'outletInbox', outletId: b as OutletId };
    if (a === 'driver') return { kind: 'driverInbox', driverId: b as UserId };
  }
  return null;
}
