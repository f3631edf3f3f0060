/** Why something was refused: a code callers branch on (one of a union per domain) and a message for people. */
export interface Failure<C extends string = string> {
  readonly code: C;
  readonly message: string;
}

export interface Ok<T> {
  readonly ok: true;
  readonly value: T;
}

export interface Fail<C extends string = string> {
  readonly ok: false;
  readonly error: Failure<C>;
}

/**
 * The one shape of an answer that may be a refusal, on both sides of the wire. Refusals are values;
 * throwing is kept for programmer errors and failing storage.
 */
export type Result<T, C extends string = string> = Ok<T> | Fail<C>;

/** The same Result where a failure carries typed `details` beside its code and message (an HTTP status, field errors). */
export type DetailedResult<T, E extends Failure> = Ok<T> | { readonly ok: false; readonly error: E };

export function ok(): Ok<undefined>;
export function ok<T>(value: T): Ok<T>;
export function ok<T>(value?: T): Ok<T | undefined> {
  return { ok: true, value };
}

export const fail = <C extends string>(code: C, message: string): Fail<C> => ({ ok: false, error: { code, message } });
