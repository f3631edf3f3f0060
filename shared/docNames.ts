import type { z } from 'zod';
import {
  OrderIdSchema,
  OutletIdSchema,
  TrackingTokenSchema,
  UserIdSchema,
  type OrderId,
  type OutletId,
  type TrackingToken,
  type UserId,
} from './ids';

/** Every document a device or the server can hold, by name. See DESIGN.md "Document names". */
export type DocRef =
  | { readonly kind: 'order'; readonly orderId: OrderId }
  | { readonly kind: 'outlet'; readonly outletId: OutletId }
  | { readonly kind: 'outletInbox'; readonly outletId: OutletId }
  | { readonly kind: 'driverInbox'; readonly driverId: UserId }
  | { readonly kind: 'adminInbox' }
  | { readonly kind: 'track'; readonly token: TrackingToken }
  | { readonly kind: 'cashLedger'; readonly driverId: UserId };

export const orderDocName = (id: OrderId): string => `order:${id}`;
export const outletDocName = (id: OutletId): string => `outlet:${id}`;
export const outletInboxName = (id: OutletId): string => `inbox:outlet:${id}`;
export const driverInboxName = (id: UserId): string => `inbox:driver:${id}`;
export const ADMIN_INBOX = 'inbox:admin';
export const trackDocName = (token: TrackingToken): string => `track:${token}`;
/** A driver's cash ledger (shared/cash/ledgerEntries.ts). */
export const cashLedgerName = (driverId: UserId): string => `cash:${driverId}`;

export function docName(ref: DocRef): string {
  switch (ref.kind) {
    case 'order':
      return orderDocName(ref.orderId);
    case 'outlet':
      return outletDocName(ref.outletId);
    case 'outletInbox':
      return outletInboxName(ref.outletId);
    case 'driverInbox':
      return driverInboxName(ref.driverId);
    case 'adminInbox':
      return ADMIN_INBOX;
    case 'track':
      return trackDocName(ref.token);
    case 'cashLedger':
      return cashLedgerName(ref.driverId);
  }
}

function refOf<S extends z.ZodType>(schema: S, part: string | undefined, ref: (id: z.output<S>) => DocRef): DocRef | null {
  const id = schema.safeParse(part);
  return id.success ? ref(id.data) : null;
}

/** Parses a document name; `null` for anything that is not exactly one of the known shapes. */
export function parseDocName(name: string): DocRef | null {
  if (name === ADMIN_INBOX) return { kind: 'adminInbox' };
  const parts = name.split(':');
  const [head, a, b] = parts;
  if (parts.length === 2) {
    if (head === 'order') return refOf(OrderIdSchema, a, (orderId) => ({ kind: 'order', orderId }));
    if (head === 'outlet') return refOf(OutletIdSchema, a, (outletId) => ({ kind: 'outlet', outletId }));
    if (head === 'track') return refOf(TrackingTokenSchema, a, (token) => ({ kind: 'track', token }));
    if (head === 'cash') return refOf(UserIdSchema, a, (driverId) => ({ kind: 'cashLedger', driverId }));
  }
  if (parts.length === 3 && head === 'inbox') {
    if (a === 'outlet') return refOf(OutletIdSchema, b, (outletId) => ({ kind: 'outletInbox', outletId }));
    if (a === 'driver') return refOf(UserIdSchema, b, (driverId) => ({ kind: 'driverInbox', driverId }));
  }
  return null;
}
