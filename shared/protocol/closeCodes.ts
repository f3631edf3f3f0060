/**
 * Named WebSocket close codes (4000–4999 is the application range). Clients read `code` to decide
 * whether to retry: auth and permission codes need the user, the others are transient.
 */
export const CloseCode = {
  /** The frame could not be decoded. */
  MALFORMED: 4400,
  /** No token, or the token is invalid or expired: sign in again. */
  UNAUTHORIZED: 4401,
  /** Signed in, but not allowed to hold this document. */
  FORBIDDEN: 4403,
  /** The document name is not one Dabba knows, or the order does not exist. */
  NOT_FOUND: 4404,
  /**
   * The sign-in was ended on the server: the account was disabled, deleted, or signed out everywhere.
   * Like HTTP 410 Gone: in 4400–4499, so the stock y-websocket client stops retrying too.
   */
  REVOKED: 4410,
  /**
   * The app speaks a protocol version this server no longer understands (see version.ts): reload to
   * get the current app. Like HTTP 426 Upgrade Required; no retry helps until the app is updated.
   */
  UPDATE_REQUIRED: 4426,
  /** A frame larger than MAX_FRAME_BYTES (the standard WebSocket "message too big", sent by the socket layer). */
  TOO_LARGE: 1009,
  /** Too many refused updates or messages in a short time. */
  ABUSE: 4429,
  /** The document could not be loaded from storage; nothing was served. Retry later. */
  LOAD_FAILED: 4500,
  /**
   * This node is going away (drained for a restart or a deploy): reconnect at once, spread by jitter; a
   * load balancer sends the new socket to another node. Nothing is lost: every ACKed update is stored.
   */
  SHUTTING_DOWN: 4503,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

export const CLOSE_REASONS: { readonly [K in CloseCode]: string } = {
  4400: 'malformed message',
  4401: 'unauthorized',
  4403: 'forbidden',
  4404: 'unknown document',
  4410: 'sign-in revoked',
  4426: 'this app is out of date: reload to update',
  1009: 'message too large',
  4429: 'too many refused messages',
  4500: 'document failed to load',
  4503: 'server shutting down',
};

/** Closes after which only signing in again helps. */
export const needsSignIn = (code: number): boolean => code === CloseCode.UNAUTHORIZED || code === CloseCode.REVOKED;

/** Transient closes a client should reconnect after; the rest need the user to act. */
export const isRetryableClose = (code: number): boolean =>
  !needsSignIn(code) && code !== CloseCode.FORBIDDEN && code !== CloseCode.NOT_FOUND && code !== CloseCode.UPDATE_REQUIRED;
