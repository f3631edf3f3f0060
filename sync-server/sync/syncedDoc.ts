import * as Y from 'yjs';
import type { DocRef } from '../../shared/docNames';
import type { OrderView } from '../../shared/order/orderDoc';
import type { RejectCode } from '../../shared/protocol/rejectCodes';
import { ok, type Result } from '../../shared/result';
import type { Actor } from '../../shared/roles';
import type { FanoutMessage } from '../fanout/fanoutMessage';
import type { DocStore, StoredDoc, WrittenAlong } from '../storage/docStore';
import type { AddedEvents } from './addedEvents';
import type { AwarenessVerdict } from './awarenessGate';
import { DocAwareness } from './docAwareness';
import { ClientOrigin, LOAD_ORIGIN, SERVER_ORIGIN, STORED_ORIGIN } from './docOrigins';
import { DocWriter } from './docWriter';
import { OrderLog } from './orderLog';

/** A device (socket) holding this document. */
export interface Subscriber {
  readonly actor: Actor | null;
  sendUpdate(doc: SyncedDoc, update: Uint8Array): void;
  sendAwareness(doc: SyncedDoc, update: Uint8Array): void;
  /** The subscriber lost the document (it failed, the server is stopping, or access was revoked). */
  dropped(doc: SyncedDoc, code: RejectCode): void;
}

export type CommitResult = Result<undefined, RejectCode>;

export interface SyncedDocEvents {
  /**
   * After an update is committed and relayed. `local`: this node stored it (false: another node did, and
   * this one heard of it or read it back). Throwing here never undoes the commit.
   */
  committed(doc: SyncedDoc, update: Uint8Array, local: boolean): void;
  /** Something other nodes holding the document should hear (fan-out): an update stored here, presence. */
  announce(doc: SyncedDoc, message: FanoutMessage): void;
  /** Storage refused a write: nothing changed (a device was told to retry; a server change rejected). */
  appendFailed(doc: SyncedDoc, error: unknown, source: 'device' | 'server'): void;
  /** A commit took `ms` from the update arriving (or the server's change starting) to relayed and projected. */
  timed(doc: SyncedDoc, source: 'device' | 'server', ms: number): void;
  /** Rows to write in the commit's own transaction for the order events it adds (see DocHooks.writeAlong). */
  eventsAlong(doc: SyncedDoc, added: AddedEvents): WrittenAlong | undefined;
}

/** Updates appended to the log before it is folded into a snapshot. */
export const DEFAULT_COMPACT_EVERY = 500;

/**
 * One loaded document: the committed Y.Doc and the devices holding it. Its writes go through its
 * DocWriter (checked, stored, then applied); every update that reaches `ydoc` is
 * relayed to the subscribers here.
 */
export class SyncedDoc {
  readonly ydoc: Y.Doc;
  readonly subscribers = new Set<Subscriber>();
  private readonly awareness: DocAwareness<Subscriber>;
  /** Held by something other than a subscriber (a projection write); unloading waits for both to be zero. */
  holds = 0;
  /** The parsed order (order documents only), kept incrementally: several plug-ins read it per commit. */
  private readonly orderLog: OrderLog | null;
  private readonly writer: DocWriter;

  constructor(
    readonly name: string,
    readonly ref: DocRef,
    store: DocStore,
    stored: Pick<StoredDoc, 'lastSeq' | 'owners'>,
    private readonly events: SyncedDocEvents,
    compactEvery = DEFAULT_COMPACT_EVERY,
  ) {
    // A guid of our own: Yjs would otherwise draw a random one from crypto for every document loaded.
    this.ydoc = new Y.Doc({ gc: true, guid: name });
    this.orderLog = ref.kind === 'order' ? new OrderLog(this.ydoc) : null;
    this.writer = new DocWriter(
      name,
      ref,
      this.ydoc,
      store,
      stored,
      this.orderLog,
      {
        stored: (seq, update, claims) => events.announce(this, { kind: 'update', seq, update, claims }),
        failed: (err, source) => events.appendFailed(this, err, source),
        eventsAlong: (added) => events.eventsAlong(this, added),
      },
      compactEvery,
    );
    // Tracking documents are public projections: presence there would show who looks at an order.
    this.awareness = new DocAwareness<Subscriber>(
      this.ydoc,
      ref.kind !== 'track',
      (update) => {
        for (const subscriber of this.subscribers) if (subscriber.actor !== null) subscriber.sendAwareness(this, update);
      },
      (update, owners) => events.announce(this, { kind: 'awareness', update, owners }),
    );
    this.ydoc.on('update', (update: Uint8Array, origin: unknown) => this.onUpdate(update, origin));
    // ydoc itself never writes: server changes are made on the scratch copy under a server client id.
    this.ydoc.clientID = 0;
  }

  /** The stored log has a gap: later updates wait for one storage lost. Devices holding it can fill it. */
  get incomplete(): boolean {
    return this.writer.incomplete;
  }

  /** Copies of the document its writes were checked or made on, since it loaded. */
  get scratchCopiesMade(): number {
    return this.writer.scratchCopiesMade;
  }

  addSubscriber(subscriber: Subscriber): void {
    this.subscribers.add(subscriber);
  }

  removeSubscriber(subscriber: Subscriber): void {
    this.subscribers.delete(subscriber);
    this.awareness.leave(subscriber);
  }

  /** Applies a device's awareness update if it may make it (see DocAwareness). */
  applyAwareness(subscriber: Subscriber, update: Uint8Array): AwarenessVerdict {
    return this.awareness.apply(subscriber, update);
  }

  /** The presence states a device that just subscribed may see; null when there are none. */
  awarenessSnapshot(subscriber: Subscriber): Uint8Array | null {
    return this.awareness.snapshotFor(subscriber);
  }

  /**
   * Applies stored state without writing it again. Throws if storage holds something that is not Yjs.
   * A log with a gap still loads what it can: the rest waits (as Yjs pending structs) for a device to
   * send what is missing, and `incomplete` says so.
   */
  restore(snapshot: Uint8Array | null, updates: readonly Uint8Array[]): void {
    this.ydoc.transact(() => {
      if (snapshot) Y.applyUpdate(this.ydoc, snapshot, LOAD_ORIGIN);
      for (const update of updates) Y.applyUpdate(this.ydoc, update, LOAD_ORIGIN);
    }, LOAD_ORIGIN);
    this.writer.restored(updates.length);
  }

  /** Client ids and the clocks the document is waiting for, to say what a gap is. */
  missing(): ReadonlyMap<number, number> {
    return this.ydoc.store.pendingStructs?.missing ?? new Map<number, number>();
  }

  /**
   * A device's update: checked (see DocWriter), committed to storage, then applied and relayed.
   * Resolves when that is done (the caller acknowledges then) or the update is refused.
   */
  commitFrom(subscriber: Subscriber, update: Uint8Array, now = Date.now()): Promise<CommitResult> {
    const started = performance.now();
    return this.writer.run(async () => {
      const result = await this.writer.fromDevice(subscriber, update, now);
      if (result.ok && result.value) this.events.timed(this, 'device', performance.now() - started);
      return result.ok ? ok() : result;
    });
  }

  /**
   * A change made by the server itself: `fn` writes on a copy of the document, and the change is applied
   * and relayed once it is stored. `fn` may run again, on the newer state, when another node wrote first.
   * `along` is written in the same transaction (only if `fn` changed something). Rejects, changing
   * nothing, if it could not be stored.
   */
  change(fn: (doc: Y.Doc) => void, along?: WrittenAlong): Promise<void> {
    const started = performance.now();
    return this.writer.run(async () => {
      // A change that changed nothing wrote nothing: it is no commit.
      if (await this.writer.fromServer(fn, along)) this.events.timed(this, 'server', performance.now() - started);
    });
  }

  /** Resolves once every write asked for so far has settled. */
  settled(): Promise<void> {
    return this.writer.settled();
  }

  /** Reads what other writers stored since this document's seq and applies it (relayed like any commit). */
  catchUp(): Promise<void> {
    return this.writer.run(() => this.writer.readNewer());
  }

  /**
   * What another node announced: an update or head is applied in seq order with this node's own writes
   * (anything missed in between is read from storage), presence is relayed to this node's devices.
   */
  hear(message: FanoutMessage): Promise<void> {
    if (message.kind === 'awareness') {
      this.awareness.hearRemote(message.update, message.owners);
      return Promise.resolve();
    }
    const update = message.kind === 'update' ? message.update : null;
    const claims = message.kind === 'update' ? message.claims : [];
    return this.writer.run(() => this.writer.heard(message.seq, update, claims));
  }

  /**
   * Before answering a device that holds something this node lacks: another node may have stored it and
   * this one not heard yet (a device moving between nodes holds what it was acknowledged), so storage is
   * read first. Failing that, the answer is what this node has, as it would be without the read.
   */
  async catchUpWith(deviceStateVector: Uint8Array): Promise<void> {
    if (this.lacksWhatDeviceHas(deviceStateVector)) await this.catchUp().catch(() => undefined);
  }

  /** True when a device's state vector is ahead of this document for some client (or it has a gap). */
  lacksWhatDeviceHas(deviceStateVector: Uint8Array): boolean {
    if (this.incomplete) return true;
    try {
      for (const [client, clock] of Y.decodeStateVector(deviceStateVector)) {
        if (clock > Y.getState(this.ydoc.store, client)) return true;
      }
    } catch {
      return false;
    }
    return false;
  }

  stateVector(): Uint8Array {
    return Y.encodeStateVector(this.ydoc);
  }

  stateAsUpdate(stateVector?: Uint8Array): Uint8Array {
    return Y.encodeStateAsUpdate(this.ydoc, stateVector);
  }

  /** Folds the log into a snapshot, after the writes asked for before it, if it holds `atLeast` updates. */
  compact(atLeast = 1): Promise<void> {
    return this.writer.run(() => this.writer.compactNow(atLeast));
  }

  destroy(): void {
    this.awareness.destroy();
    this.ydoc.destroy();
    this.writer.destroy();
  }

  /** The order this document holds (header and reduced state), or null for other kinds or a malformed header. */
  orderView(): OrderView | null {
    return this.orderLog?.orderView() ?? null;
  }

  private onUpdate(update: Uint8Array, origin: unknown): void {
    if (origin === LOAD_ORIGIN) return;
    if (origin !== SERVER_ORIGIN && origin !== STORED_ORIGIN && !(origin instanceof ClientOrigin)) {
      throw new Error(`${this.name}: a write went to ydoc directly; server changes go through change()`);
    }
    const from = origin instanceof ClientOrigin ? origin.subscriber : null;
    if (origin === STORED_ORIGIN) this.writer.followScratch(update);
    for (const subscriber of this.subscribers) if (subscriber !== from) subscriber.sendUpdate(this, update);
    this.events.committed(this, update, origin !== STORED_ORIGIN);
  }
}
