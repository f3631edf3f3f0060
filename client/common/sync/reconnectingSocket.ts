import { CLOSE_REASONS, CloseCode, isRetryableClose, needsSignIn } from '../../../shared/protocol/closeCodes';
import { backoffDelay, DEFAULT_BACKOFF, handoffDelay, type BackoffPolicy } from './backoff';

/**
 * online: the socket is open. connecting: the first attempt since start. offline: not connected,
 * retrying at `retryAt`. unauthorized: the token was refused (expired or not valid), the user must
 * sign in again. revoked: the server ended a sign-in that was good (account disabled, signed out
 * everywhere); signing in again may not be allowed. stopped: closed on purpose, or with a code
 * retrying cannot fix.
 */
export type ConnectionStatus = 'connecting' | 'online' | 'offline' | 'unauthorized' | 'revoked' | 'update-required' | 'stopped';

export interface ConnectionState {
  readonly status: ConnectionStatus;
  readonly retryAt: number | null;
  readonly reason: string | null;
}

export interface SocketHandlers {
  onOpen(): void;
  onFrame(frame: Uint8Array): void;
  onClose(code: number, reason: string): void;
}

export interface SocketHandle {
  send(frame: Uint8Array): void;
  close(): void;
}

/** Opens one socket; injectable so the reconnect logic is testable without a network. */
export type SocketFactory = (url: string, handlers: SocketHandlers) => SocketHandle;

/** An abnormal closure with no frame: what a refused connection or a dead network looks like. */
const ABNORMAL_CLOSURE = 1006;

export const browserSocketFactory: SocketFactory = (url, handlers) => {
  const ws = new WebSocket(url);
  ws.binaryType = 'arraybuffer';
  ws.onopen = () => handlers.onOpen();
  ws.onmessage = (event: MessageEvent<unknown>) => {
    if (event.data instanceof ArrayBuffer) handlers.onFrame(new Uint8Array(event.data));
  };
  ws.onclose = (event) => handlers.onClose(event.code, event.reason);
  return { send: (frame) => ws.send(frame), close: () => ws.close(1000) };
};

export interface ReconnectingSocketOptions {
  /** The URL to dial, read at each attempt because the token may have changed. */
  readonly url: () => string;
  readonly onOpen: () => void;
  readonly onFrame: (frame: Uint8Array) => void;
  readonly onState: (state: ConnectionState) => void;
  readonly connect?: SocketFactory;
  readonly backoff?: BackoffPolicy;
  readonly random?: () => number;
  /** A connection open this long resets the backoff; one that drops sooner keeps climbing it. */
  readonly stableAfterMs?: number;
}

/** One socket per device that keeps itself connected with jittered exponential backoff. */
export class ReconnectingSocket {
  private handle: SocketHandle | null = null;
  private generation = 0;
  private attempt = 0;
  private running = false;
  private isOpen = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private stableTimer: ReturnType<typeof setTimeout> | null = null;
  private current: ConnectionState = { status: 'stopped', retryAt: null, reason: null };

  constructor(private readonly options: ReconnectingSocketOptions) {}

  get state(): ConnectionState {
    return this.current;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.attempt = 0;
    this.setState({ status: 'connecting', retryAt: null, reason: null });
    this.dial();
  }

  stop(): void {
    this.running = false;
    this.clearTimers();
    this.drop();
    this.setState({ status: 'stopped', retryAt: null, reason: null });
  }

  /** Skips the wait (the network came back, the page became visible). */
  retryNow(): void {
    if (!this.running || this.isOpen || this.handle) return;
    this.clearTimers();
    this.dial();
  }

  /**
   * The device says its network is gone: stop trusting the socket now rather than when TCP
   * finally notices, so the screen says offline while it is.
   */
  networkLost(): void {
    if (!this.running || !this.handle) return;
    this.drop();
    this.closed(ABNORMAL_CLOSURE, 'the device is offline');
  }

  /** Sends when open; false when not, in which case the next (re)connect carries the data. */
  send(frame: Uint8Array): boolean {
    if (!this.isOpen || !this.handle) return false;
    this.handle.send(frame);
    return true;
  }

  private dial(): void {
    this.retryTimer = null;
    const generation = ++this.generation;
    const live = (): boolean => generation === this.generation;
    const handlers: SocketHandlers = {
      onOpen: () => {
        if (live()) this.opened();
      },
      onFrame: (frame) => {
        if (live()) this.options.onFrame(frame);
      },
      onClose: (code, reason) => {
        if (live()) this.closed(code, reason);
      },
    };
    try {
      this.handle = (this.options.connect ?? browserSocketFactory)(this.options.url(), handlers);
    } catch {
      this.closed(ABNORMAL_CLOSURE, 'could not open the socket');
    }
  }

  private opened(): void {
    this.isOpen = true;
    this.stableTimer = setTimeout(() => {
      this.attempt = 0;
    }, this.options.stableAfterMs ?? 5_000);
    this.setState({ status: 'online', retryAt: null, reason: null });
    this.options.onOpen();
  }

  private closed(code: number, reason: string): void {
    this.isOpen = false;
    this.handle = null;
    this.clearTimers();
    if (!this.running) return;
    const named = (CLOSE_REASONS as Readonly<Record<number, string>>)[code] ?? (reason || null);
    if (needsSignIn(code)) {
      this.running = false;
      this.setState({ status: code === CloseCode.REVOKED ? 'revoked' : 'unauthorized', retryAt: null, reason: named });
      return;
    }
    if (code === CloseCode.UPDATE_REQUIRED) {
      this.running = false;
      this.setState({ status: 'update-required', retryAt: null, reason: named });
      return;
    }
    if (!isRetryableClose(code)) {
      this.running = false;
      this.setState({ status: 'stopped', retryAt: null, reason: named });
      return;
    }
    // A draining node hands its devices over: another node is ready, so the wait is short and the backoff
    // starts again, whatever it had climbed to.
    const handoff = code === CloseCode.SHUTTING_DOWN;
    const delay = handoff
      ? handoffDelay(this.options.random)
      : backoffDelay(this.attempt, this.options.backoff ?? DEFAULT_BACKOFF, this.options.random);
    this.attempt = handoff ? 0 : this.attempt + 1;
    this.retryTimer = setTimeout(() => this.dial(), delay);
    this.setState({ status: 'offline', retryAt: Date.now() + delay, reason: named });
  }

  private drop(): void {
    this.generation += 1;
    this.isOpen = false;
    const handle = this.handle;
    this.handle = null;
    handle?.close();
  }

  private clearTimers(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.stableTimer) clearTimeout(this.stableTimer);
    this.retryTimer = null;
    this.stableTimer = null;
  }

  private setState(state: ConnectionState): void {
    this.current = state;
    this.options.onState(state);
  }
}
