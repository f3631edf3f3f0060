import { randomOrderNumber } from './order/orderNumber';
import { z } from 'zod';

/** Ids are URL- and docName-safe: no ':' so they never split a document name ambiguously. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

const idString = z.string().regex(ID_PATTERN, 'must be 1–64 letters, digits, _ or -');

/** Branded identifiers: a plain string at runtime, a distinct type at compile time. */
export const OrderIdSchema = idString.brand<'OrderId'>();
export const OutletIdSchema = idString.brand<'OutletId'>();
export const UserIdSchema = idString.brand<'UserId'>();
export const EventIdSchema = idString.brand<'EventId'>();
export const ItemIdSchema = idString.brand<'ItemId'>();
export const TrackingTokenSchema = idString.brand<'TrackingToken'>();

export type OrderId = z.infer<typeof OrderIdSchema>;
export type OutletId = z.infer<typeof OutletIdSchema>;
export type UserId = z.infer<typeof UserIdSchema>;
export type EventId = z.infer<typeof EventIdSchema>;
export type ItemId = z.infer<typeof ItemIdSchema>;
export type TrackingToken = z.infer<typeof TrackingTokenSchema>;

export function isId(value: string): boolean {
  return ID_PATTERN.test(value);
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/** Random id from the platform CSPRNG; each character carries 6 bits (22 chars = 132 bits). */
export function randomId(length = 22): string {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += ALPHABET[b & 63];
  return out;
}

/** A readable order number (shared/order/orderNumber.ts) then 17 random characters: 22 in all, as other ids. */
export const newOrderId = (): OrderId => OrderIdSchema.parse(`${randomOrderNumber()}${randomId(17)}`);
export const newEventId = (): EventId => EventIdSchema.parse(randomId());
export const newUserId = (): UserId => UserIdSchema.parse(randomId());
export const newTrackingToken = (): TrackingToken => TrackingTokenSchema.parse(randomId(32));
