import * as Y from 'yjs';
import { decodeMux, MuxType } from '../../../shared/protocol/muxMessages';
import type { RejectCode } from '../../../shared/protocol/rejectCodes';
import type { BackoffPolicy } from './backoff';
import { ReconnectingSocket, type ConnectionState, type SocketFactory } from './reconnectingSocket';
import { parseSyncPayload, subscribeFrame } from './syncMessages';

export interface PublicDocFeedOptions {
  /** The anonymous `/sync` URL (no token): public documents such as `track:<token>` only. */
  readonly url: () => string;
  readonly docName: string;
  /** Called after each update from the server is applied to `doc`. */
  readonly onChange: (doc: Y.Doc) => void;
  readonly onConnection: (state: ConnectionState) => void;
  /** The server will not serve this document (e.g. `not_found`); the feed stops for good. */
  readonly onRefused: (code: RejectCode, message: string) => void;
  readonly connect?: SocketFactory;
  readonly backoff?: BackoffPolicy;
  /** How long to leave a busy server before asking again after a transient refusal. */
  readonly retryRefusedMs?: number;
}

/** Refusals about the server's state, not the document: asked again later rather than given up on. */
const TRANSIENT: ReadonlySet<RejectCode> = new Set(['load_failed', 'storage_failed', 'rate_limited']);

/**
 * A read-only, anonymous view of one server-written document: no IndexedDB, no outgoing
 * updates. On every (re)connect it resubscribes with its state vector, so it only receives
 * what it has not seen yet. Callers persist whatever they want to survive a reload.
 */
export class PublicDocFeed {
  readonly doc = new Y.Doc();
  private readonly socket: ReconnectingSocket;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly options: PublicDocFeedOptions) {
    this.socket = new ReconnectingSocket({
      url: options.url,
      onOpen: () => this.subscribe(),
      onFrame: (frame) => this.receive(frame),
      onState: (state) => options.onConnection(state),
      ...(options.connect ? { connect: options.connect } : {}),
      ...(options.backoff ? { backoff: options.backoff } : {}),
    });
  }

  get connection(): ConnectionState {
    return this.socket.state;
  }

  start(): void {
    this.socket.start();
  }

  stop(): void {
    this.clearRetry();
    this.socket.stop();
  }

  /** The browser says the network came back (or went away): act now rather than at the next timer. */
  networkBack(): void {
    this.socket.retryNow();
  }

  networkLost(): void {
    this.socket.networkLost();
  }

  private subscribe(): void {
    this.clearRetry();
    this.socket.send(subscribeFrame(this.options.docName, this.doc));
  }

  private refused(code: RejectCode, message: string): void {
    if (TRANSIENT.has(code)) {
      this.clearRetry();
      this.retryTimer = setTimeout(() => this.subscribe(), this.options.retryRefusedMs ?? 3_000);
      return;
    }
    this.stop();
    this.options.onRefused(code, message);
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private receive(frame: Uint8Array): void {
    let message;
    let sync;
    try {
      message = decodeMux(frame);
      if (message.doc !== this.options.docName) return;
      if (message.type === MuxType.REFUSED) {
        this.refused(message.code, message.message);
        return;
      }
      if (message.type !== MuxType.SYNC) return;
      sync = parseSyncPayload(message.payload);
    } catch {
      return; // a frame this client cannot read changes nothing it shows
    }
    if (sync.kind === 'step1') return; // nothing to offer: this view never writes
    Y.applyUpdate(this.doc, sync.update, 'remote');
    this.options.onChange(this.doc);
  }
}
