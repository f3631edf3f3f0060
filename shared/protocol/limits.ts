/** Largest WebSocket frame the server accepts; bigger frames close the socket with TOO_LARGE. */
export const MAX_FRAME_BYTES = 1024 * 1024;
/** Documents one anonymous socket (a tracking page) may hold. */
export const ANONYMOUS_MAX_DOCS = 4;
/** Refusals tolerated per connection per minute before it is closed with ABUSE. */
export const MAX_REJECTS_PER_MINUTE = 30;
/** How far in the future an event's device time may be, against the server clock. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;
/** Events one order may hold: far above any real order's, low enough that a runaway device cannot grow it without end. */
export const MAX_EVENTS_PER_ORDER = 2_000;
/** Awareness client ids one connection may announce per document (a tab uses one). */
export const MAX_AWARENESS_STATES_PER_SOCKET = 4;
/** Largest awareness state, as JSON: presence is a name, a colour, a cursor, not data. */
export const MAX_AWARENESS_STATE_BYTES = 4 * 1024;
