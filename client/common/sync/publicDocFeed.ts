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
}

/**
 * A read-only, anonymous view of one server-written document: no IndexedDB, no outgoing
 * updates. On every (re)connect it resubscribes with its state vector, so it only receives
 * what it has not seen yet. Callers persist whatever they want to survive a reload.
 */
export class PublicDocFeed {
  readonly doc = new Y.Doc();
  private readonly socket: ReconnectingSocket;

  constructor(private readonly options: PublicDocFeedOptions) {
    this.socket = new ReconnectingSocket({
      url: options.url,
      onOpen: () => this.socket.send(subscribeFrame(options.docName, this.doc)),
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
    this.socket.stop();
  }

  /** The browser says the network came back (or went away): act now rather than at the next timer. */
  networkBack(): void {
    this.socket.retryNow();
  }

  networkLost(): void {
    this.socket.networkLost();
  }

  private receive(frame: Uint8Array): void {
    let message;
    let sync;
    try {
      message = decodeMux(frame);
      if (message.doc !== this.options.docName) return;
      if (message.type === MuxType.REFUSED) {
        this.socket.stop();
        this.options.onRefused(message.code, message.message);
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
