import type * as Y from 'yjs';
import { parseDocName } from '../../../shared/docNames';
import { writableRoots } from '../../../shared/permissions';
import { decodeMux, MuxType, type MuxMessage } from '../../../shared/protocol/muxMessages';
import type { RejectCode } from '../../../shared/protocol/rejectCodes';
import type { Actor } from '../../../shared/roles';
import type { DabbaDb } from '../store/db';
import { recordRefusal } from '../store/refusals';
import { docsWithUnsynced, syncedUpdates, unsyncedRow, unsyncedUpdates } from '../store/updateLog';
import type { BackoffPolicy } from './backoff';
import { LocalDocs } from './localDocs';
import { ReconnectingSocket, type ConnectionState, type SocketFactory } from './reconnectingSocket';
import { missingOnServer, parseSyncPayload, subscribeFrame, updateFrame } from './syncMessages';

export interface SyncProviderOptions {
  readonly db: DabbaDb;
  /** The `/sync?token=` URL, read at each connection attempt. */
  readonly url: () => string;
  readonly actor: Actor;
  readonly connect?: SocketFactory;
  readonly backoff?: BackoffPolicy;
  readonly random?: () => number;
}

export interface SubscriptionRefusal {
  readonly code: RejectCode;
  readonly message: string;
}

/**
 * Refusals about the server's state, not the change: the row stays unsynced and is offered again,
 * rather than losing a kitchen's work to a busy disk. The others stand until the user acts.
 */
export const TRANSIENT_CODES: ReadonlySet<RejectCode> = new Set(['load_failed', 'storage_failed', 'rate_limited']);
/** How long to leave the server before offering a transiently refused document or row again. */
const TRANSIENT_RETRY_MS = 3_000;

/**
 * Keeps every held document in step with the server over one multiplexed socket: resumes each
 * by state vector on (re)connect, re-sends what only this device has, and settles each local
 * row on its ACK or REJECT.
 */
export class SyncProvider {
  readonly docs: LocalDocs;
  private readonly socket: ReconnectingSocket;
  private readonly changeListeners = new Set<(docName: string) => void>();
  private readonly connectionListeners = new Set<(state: ConnectionState) => void>();
  private readonly refused = new Map<string, SubscriptionRefusal>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private lastStorageError: string | null = null;

  constructor(private readonly options: SyncProviderOptions) {
    this.docs = new LocalDocs(options.db, {
      onLocalUpdate: (docName, rowId, update) => this.socket.send(updateFrame(docName, rowId, update)),
      onChange: (docName) => this.emitChange(docName),
      onStorageError: (error) => {
        this.lastStorageError = error instanceof Error ? error.message : String(error);
        this.emitConnection();
      },
    });
    this.socket = new ReconnectingSocket({
      url: options.url,
      onOpen: () => void this.resume(),
      onFrame: (frame) => this.receive(frame),
      onState: () => this.emitConnection(),
      ...(options.connect ? { connect: options.connect } : {}),
      ...(options.backoff ? { backoff: options.backoff } : {}),
      ...(options.random ? { random: options.random } : {}),
    });
  }

  get connection(): ConnectionState {
    return this.socket.state;
  }

  /** Why the device could not save to IndexedDB last, if it could not. */
  get storageError(): string | null {
    return this.lastStorageError;
  }

  refusal(docName: string): SubscriptionRefusal | undefined {
    return this.refused.get(docName);
  }

  /** Holds every document with undelivered rows, then connects. */
  async start(): Promise<void> {
    for (const name of await docsWithUnsynced(this.options.db)) await this.docs.open(name);
    this.socket.start();
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.socket.stop();
    this.docs.close();
  }

  retryNow(): void {
    this.socket.retryNow();
  }

  networkLost(): void {
    this.socket.networkLost();
  }

  /**
   * Holds a document: loads it from the device, then subscribes it when connected. `urgent` loads
   * it ahead of documents still waiting to load (someone is acting on it).
   */
  async open(docName: string, urgent = false): Promise<Y.Doc> {
    const doc = await this.docs.open(docName, urgent);
    if (this.subscribable(docName)) this.socket.send(subscribeFrame(docName, doc));
    return doc;
  }

  /**
   * Asks the server again for a document it refused for good, when what refused it may have changed (an
   * inbox lists the order now). A refusal that still holds comes back and stands again.
   */
  askAgain(docName: string): void {
    if (!this.refused.delete(docName)) return;
    const doc = this.docs.get(docName);
    if (doc) this.socket.send(subscribeFrame(docName, doc));
    this.emitChange(docName);
  }

  /** Documents another context stored (a push's pull): the held ones are read again from the log. */
  async reloadFromStore(docNames: readonly string[]): Promise<void> {
    await Promise.all(docNames.map((name) => this.docs.reloadFromStore(name)));
  }

  onDocChange(listener: (docName: string) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  onConnection(listener: (state: ConnectionState) => void): () => void {
    this.connectionListeners.add(listener);
    return () => this.connectionListeners.delete(listener);
  }

  private async resume(): Promise<void> {
    for (const name of this.docs.names()) {
      const doc = this.docs.get(name);
      if (doc && this.subscribable(name)) this.socket.send(subscribeFrame(name, doc));
    }
    // Rows still being written are sent by their own handler once stored; wait so none is missed here.
    await this.docs.settled();
    for (const row of await unsyncedUpdates(this.options.db)) {
      if (!this.docs.get(row.docName)) await this.open(row.docName);
      this.socket.send(updateFrame(row.docName, row.id, row.update));
    }
  }

  private receive(frame: Uint8Array): void {
    let message: MuxMessage;
    try {
      message = decodeMux(frame);
    } catch (error) {
      console.warn('dabba sync: ignored an undecodable frame', error);
      return;
    }
    switch (message.type) {
      case MuxType.SYNC:
        void this.receiveSync(message.doc, message.payload);
        return;
      case MuxType.ACK:
        void this.docs.acknowledge(message.doc, message.seq);
        return;
      case MuxType.REJECT:
        void this.receiveReject(message.doc, message.seq, message.code, message.message);
        return;
      case MuxType.REFUSED:
        void this.receiveRefused(message.doc, { code: message.code, message: message.message });
        return;
      default:
        return;
    }
  }

  private async receiveSync(docName: string, payload: Uint8Array): Promise<void> {
    if (!this.docs.get(docName)) return;
    let sync;
    try {
      sync = parseSyncPayload(payload);
    } catch (error) {
      console.warn(`dabba sync: ignored a bad sync message for ${docName}`, error);
      return;
    }
    if (sync.kind !== 'step1') {
      this.docs.applyRemote(docName, sync.update);
      return;
    }
    if (!this.writable(docName)) return;
    await this.docs.settled();
    const synced = await syncedUpdates(this.options.db, docName);
    const missing = missingOnServer(
      synced.map((r) => r.update),
      sync.stateVector,
    );
    if (!missing) return;
    const rowId = await this.docs.storeForServer(docName, missing);
    this.socket.send(updateFrame(docName, rowId, missing));
  }

  private async receiveReject(docName: string, seq: number, code: RejectCode, message: string): Promise<void> {
    if (TRANSIENT_CODES.has(code)) {
      this.later(() => void this.resend(docName, seq));
      return;
    }
    await this.docs.discard(seq);
    await recordRefusal(this.options.db, docName, code, message);
    this.emitChange(docName);
  }

  private async receiveRefused(docName: string, refusal: SubscriptionRefusal): Promise<void> {
    if (TRANSIENT_CODES.has(refusal.code)) {
      this.later(() => {
        const doc = this.docs.get(docName);
        if (doc) this.socket.send(subscribeFrame(docName, doc));
      });
      return;
    }
    const known = this.refused.has(docName);
    this.refused.set(docName, refusal);
    if (!known) await recordRefusal(this.options.db, docName, refusal.code, refusal.message);
    this.emitChange(docName);
  }

  private subscribable(docName: string): boolean {
    return !this.refused.has(docName);
  }

  private async resend(docName: string, seq: number): Promise<void> {
    const row = await unsyncedRow(this.options.db, seq);
    if (row && row.docName === docName) this.socket.send(updateFrame(docName, row.id, row.update));
  }

  /** Runs `task` after a jittered pause, unless the provider stopped meanwhile. */
  private later(task: () => void): void {
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        task();
      },
      TRANSIENT_RETRY_MS * (1 + (this.options.random ?? Math.random)()),
    );
    this.timers.add(timer);
  }

  /** Server-written documents (inboxes, tracking) have nothing the device could owe the server. */
  private writable(docName: string): boolean {
    const ref = parseDocName(docName);
    return ref !== null && writableRoots(this.options.actor, ref).size > 0;
  }

  private emitChange(docName: string): void {
    for (const listener of this.changeListeners) listener(docName);
  }

  private emitConnection(): void {
    for (const listener of this.connectionListeners) listener(this.socket.state);
  }
}
