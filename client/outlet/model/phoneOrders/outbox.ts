import { NETWORK_ERROR_CODE, worthRetrying, type ApiError, type ApiResult } from '../../../common/api/http';
import { backoffDelay, type BackoffPolicy } from '../../../common/sync/backoff';
import { signInEndedByAnswer } from '../../../common/session/signInEnded';
import type { PhoneOrderRow } from '../../../common/store/db';
import { placedResponseSchema } from '../../../../shared/api/orders';
import type { PhoneOrderRequest } from '../../../../shared/api/phoneOrder';
import type { OrderId } from '../../../../shared/ids';

/**
 * The rules of the phone-order outbox, without I/O: what an answer from the server means for an
 * entry, when to try again, and which entries the board still needs to show.
 */

/** Slower than the socket's: a phone order is one request, and the server may be down for a while. */
export const OUTBOX_BACKOFF: BackoffPolicy = { baseMs: 2_000, maxMs: 60_000 };

export type AttemptResult =
  | { readonly kind: 'placed'; readonly orderId: OrderId }
  /** The server looked at the order and will say no again: it waits for staff to fix or discard it. */
  | { readonly kind: 'refused'; readonly code: string; readonly message: string }
  /** Nothing was decided (no network, server busy or down, sign-in expired): try again later. */
  | { readonly kind: 'retry'; readonly message: string };

export function newPhoneOrderRow(key: string, request: PhoneOrderRequest): PhoneOrderRow {
  return {
    key,
    outletId: request.outletId,
    request,
    state: 'waiting',
    attempts: 0,
    nextAttemptAt: request.enteredAt,
    lastError: null,
    refusal: null,
    orderId: null,
  };
}

/** Only the order id is needed from the answer: the board follows the order, not its tracking link. */
const placedIdSchema = placedResponseSchema.pick({ orderId: true });

/** What one `POST /api/orders` answer means for the entry. */
export function classifyAnswer(result: ApiResult): AttemptResult {
  if (result.ok) {
    const placed = placedIdSchema.safeParse(result.value);
    // A 2xx we cannot read is retried: the same key returns the same order, never a second one.
    return placed.success
      ? { kind: 'placed', orderId: placed.data.orderId }
      : { kind: 'retry', message: 'The server’s answer could not be read.' };
  }
  // Which answers are worth another try is one rule for every upload (http.ts); only the words are the outbox's.
  if (worthRetrying(result.error)) return { kind: 'retry', message: retryMessage(result.error) };
  return { kind: 'refused', code: result.error.code, message: result.error.message };
}

/** What the board says while a phone order waits to be tried again. */
function retryMessage(error: ApiError): string {
  if (error.code === NETWORK_ERROR_CODE) return 'No connection to the Dabba server.';
  const ended = signInEndedByAnswer(error);
  if (ended === 'revoked') return 'An administrator ended this sign-in. The phone order waits on this device until someone signs in.';
  if (ended === 'expired') return 'Sign in again to send phone orders.';
  return error.message;
}

/** The entry after an attempt; `now` and `random` drive the next retry time. */
export function afterAttempt(row: PhoneOrderRow, result: AttemptResult, now: number, random: () => number = Math.random): PhoneOrderRow {
  switch (result.kind) {
    case 'placed':
      return { ...row, state: 'placed', orderId: result.orderId, lastError: null, refusal: null };
    case 'refused':
      return { ...row, state: 'refused', refusal: { code: result.code, message: result.message }, lastError: null };
    case 'retry':
      return {
        ...row,
        attempts: row.attempts + 1,
        lastError: result.message,
        nextAttemptAt: now + backoffDelay(row.attempts, OUTBOX_BACKOFF, random),
      };
  }
}

/** Entries to send now, in the order staff entered them. */
export function dueEntries(rows: readonly PhoneOrderRow[], now: number): PhoneOrderRow[] {
  return rows.filter((r) => r.state === 'waiting' && r.nextAttemptAt <= now).sort((a, b) => a.request.enteredAt - b.request.enteredAt);
}

/** When the next waiting entry is due; null when none waits. */
export function nextWakeAt(rows: readonly PhoneOrderRow[]): number | null {
  const waiting = rows.filter((r) => r.state === 'waiting').map((r) => r.nextAttemptAt);
  return waiting.length > 0 ? Math.min(...waiting) : null;
}

/** Placed entries whose real order is on the device now: the order's own card takes over. */
export function arrivedEntries(rows: readonly PhoneOrderRow[], heldOrderIds: ReadonlySet<string>): PhoneOrderRow[] {
  return rows.filter((r) => r.state === 'placed' && r.orderId !== null && heldOrderIds.has(r.orderId));
}
