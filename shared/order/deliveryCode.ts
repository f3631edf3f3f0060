import { digest } from 'lib0/hash/sha256';
import { z } from 'zod';
import type { OrderState } from './orderState';

/** Digits in a delivery code: short enough to read out at the door. */
export const DELIVERY_CODE_DIGITS = 4;
/** Wrong codes a driver may type for one order before code entry closes (photo, call or fail remain). */
export const DELIVERY_CODE_MAX_TRIES = 5;
/**
 * Rounds of SHA-256 over the code: slows a guess down (tens of ms each on a phone) without making
 * the check noticeable. Four digits are still found offline in minutes by anyone holding the hash.
 */
export const DELIVERY_CODE_ROUNDS = 5000;

const hex = (length: number) => z.string().regex(new RegExp(`^[0-9a-f]{${length}}$`));
export const deliveryCodeSchema = z.string().regex(new RegExp(`^[0-9]{${DELIVERY_CODE_DIGITS}}$`));

/**
 * What the order document carries of its delivery code: a random salt per order and the stretched hash
 * of (salt, order id, code). Never the code itself: drivers and outlets hold the document.
 */
export const deliveryCodeCheckSchema = z.object({ salt: hex(32), rounds: z.number().int().min(1).max(100_000), hash: hex(64) }).strict();
export type DeliveryCodeCheck = z.infer<typeof deliveryCodeCheckSchema>;

const toHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** The stretched hash of a code for this order and salt, hex. */
export function hashDeliveryCode(orderId: string, salt: string, code: string, rounds: number): string {
  let bytes = digest(new TextEncoder().encode(`dabba-delivery-code:${salt}:${orderId}:${code}`));
  for (let i = 1; i < rounds; i++) bytes = digest(bytes);
  return toHex(bytes);
}

/** The check the server writes into a new order's header for `code`; `salt` is 16 random bytes, hex. */
export function deliveryCodeCheck(orderId: string, code: string, salt: string): DeliveryCodeCheck {
  return { salt, rounds: DELIVERY_CODE_ROUNDS, hash: hashDeliveryCode(orderId, salt, code, DELIVERY_CODE_ROUNDS) };
}

/** Whether `code` is the order's delivery code; a code of the wrong shape never is. */
export function deliveryCodeMatches(orderId: string, check: DeliveryCodeCheck, code: string): boolean {
  if (!deliveryCodeSchema.safeParse(code).success) return false;
  const hash = hashDeliveryCode(orderId, check.salt, code, check.rounds);
  // Not constant time, and need not be: the hash sits on every device that holds the order.
  return hash === check.hash;
}

/**
 * Wrong codes recorded on the order so far (`delivery_code_failed`, from any device), counting those
 * the fold left inert too: a try is a try, whenever it was stamped.
 */
export const deliveryCodeFailures = (state: Pick<OrderState, 'applied' | 'conflicts'>): number =>
  [...state.applied, ...state.conflicts.map((c) => c.event)].filter((e) => e.type === 'delivery_code_failed').length;

/** Tries left before code entry closes; 0 once DELIVERY_CODE_MAX_TRIES wrong codes are recorded. */
export const deliveryCodeTriesLeft = (state: Pick<OrderState, 'applied' | 'conflicts'>): number =>
  Math.max(0, DELIVERY_CODE_MAX_TRIES - deliveryCodeFailures(state));

/**
 * Why a driver's `delivered` may not be taken on an order with a code, or null: it names the right code
 * while tries remain, or it carries a photo or signature proof instead (the outlet can look at those).
 * `failures`: the wrong codes recorded before it. Orders without a check (pickup, dine-in, older orders)
 * are delivered as before.
 */
export function deliveredCodeProblem(
  orderId: string,
  check: DeliveryCodeCheck | undefined,
  delivered: { readonly code?: string | undefined; readonly proof?: string | undefined },
  failures: number,
): string | null {
  if (!check) return null;
  if (delivered.code === undefined) return delivered.proof ? null : 'Enter the customer’s delivery code, or take a photo at the door.';
  if (failures >= DELIVERY_CODE_MAX_TRIES) return 'Too many wrong codes: take a photo at the door, call the customer or mark it failed.';
  return deliveryCodeMatches(orderId, check, delivered.code) ? null : 'That is not the customer’s delivery code.';
}
