import * as Y from 'yjs';
import type { DocRef } from '../../shared/docNames';
import type { OrderView } from '../../shared/order/orderDoc';
import type { RejectCode } from '../../shared/protocol/rejectCodes';
import { fail, ok, type Result } from '../../shared/result';
import type { Actor } from '../../shared/roles';
import { SERVER_OWNER, type ClientClaim, type ClientOwner, type DocStore, type StoredDoc } from '../storage/docStore';
import { checkUpdate } from './checkUpdate';
import type { AwarenessVerdict } from './awarenessGate';
import { claimClientIds } from './checks/clientIds';
import { DocAwareness } from './docAwareness';
import { OrderLog } from './orderLog';

/** A device (socket) holding this document. */
export interface Subscriber {
  readonly actor: Actor | null;
  sendUpdate(doc: SyncedDoc, update: Uint8Array): void;
  sendAwareness(doc: SyncedDoc, update: Uint8Array): void;
  /** The subscriber lost the document (it failed, the server is stopping, or access was revoked). */
  dropped(doc: SyncedDoc, code: RejectCode): void;
}

/** Marks a change the server made itself (projections, order creation): it is stored from the update event. */
export const SERVER_ORIGIN = Symbol('server');
const LOAD_ORIGIN = Symbol('load');

class ClientOrigin {
  constructor(readonly subscriber: Subscriber) {}
}

export type CommitResult = Result<undefined, RejectCode>;

export interface SyncedDocEvents {
  /** After an update is committed and relayed. Throwing here never undoes the commit. */
  committed(doc: SyncedDoc, update: Uint8Array): void;
  /** Storage refused a server-made change: the in-memory doc is ahead of disk and must be dropped. */
  storageFailed(doc: SyncedDoc, error: unknown): void;
  /** Storage refused a device's update: nothing changed, and the device was told to retry. */
  appendFailed(doc: SyncedDoc, error: unknown): void;
  /** A commit took `ms` from the update arriving (or the server's change starting) to relayed and projected. */
  timed(doc: SyncedDoc, source: 'device' | 'server', ms: number): void;
}

/** Updates appended to the log before it is folded into a snapshot. */
export const DEFAULT_COMPACT_EVERY = 500;

/**
 * One loaded document: the committed Y.Doc, the devices holding it, and the scratch copy used to
 * check device updates. Invariants: every update in `ydoc` is in storage, and storage is written
 * first; every snapshot holds every update up to its seq; the scratch copy holds exactly what `ydoc`
 * holds between commits (a refused or failed check discards it).
 */
export class SyncedDoc {
  readonly ydoc = new Y.Doc({ gc: true });
  readonly subscribers = new Set<Subscriber>();
  private readonly awareness: DocAwareness<Subscriber>;
  /** Held by something other than a subscriber (a projection write); unloading waits for both to be zero. */
  holds = 0;
  private scratch: Y.Doc | null = null;
  /** The parsed order (order documents only), kept incrementally: several plug-ins read it per commit. */
  private readonly orderLog: OrderLog | null;
  /** Set when storage refused a server-made change; the doc is then dropped and `change` throws. */
  private storageError: unknown = null;
  private sinceCompaction = 0;
  private seq: number;
  /** Owner of each Yjs client id written here (see checks/clientIds.ts). */
  private readonly owners: Map<number, ClientOwner>;
  /** The stored log has a gap: later updates wait for one storage lost. Devices holding it can fill it. */
  incomplete = false;

  constructor(
    readonly name: string,
    readonly ref: DocRef,
    private readonly store: DocStore,
    stored: Pick<StoredDoc, 'lastSeq' | 'owners'>,
    private readonly events: SyncedDocEvents,
    private readonly compactEvery = DEFAULT_COMPACT_EVERY,
  ) {
    this.seq = stored.lastSeq;
    this.orderLog = ref.kind === 'order' ? new OrderLog(this.ydoc) : null;
    this.owners = new Map(stored.owners);
    // Tracking documents are public projections: presence there would show who looks at an order.
    this.awareness = new DocAwareness<Subscriber>(this.ydoc, ref.kind !== 'track', (update) => {
      for (const subscriber of this.subscribers) if (subscriber.actor !== null) subscriber.sendAwareness(this, update);
    });
    this.ydoc.on('update', (update: Uint8Array, origin: unknown) => this.onUpdate(update, origin));
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
    this.sinceCompaction = updates.length;
    this.incomplete = hasPending(this.ydoc);
  }

  /** Client ids and the clocks the document is waiting for, to say what a gap is. */
  missing(): ReadonlyMap<number, number> {
    return this.ydoc.store.pendingStructs?.missing ?? new Map<number, number>();
  }

  /** A device's update: checked on the scratch copy, committed to storage, then applied and relayed. */
  commitFrom(subscriber: Subscriber, update: Uint8Array, now = Date.now()): CommitResult {
    const started = performance.now();
    const claim = claimClientIds(update, subscriber.actor, this.owners, (client) => this.ydoc.store.clients.has(client));
    if (!claim.ok) return claim;
    this.scratch ??= cloneDoc(this.ydoc);
    const check = checkUpdate(this.scratch, update, subscriber.actor, this.ref, now, this.orderLog);
    if (!check.ok) {
      this.scratch = null;
      return check;
    }
    if (!check.value.changed) return ok();
    try {
      this.append(update, claim.value);
    } catch (err: unknown) {
      this.scratch = null;
      this.events.appendFailed(this, err);
      return fail('storage_failed', 'The server could not store the change; it will be retried.');
    }
    Y.applyUpdate(this.ydoc, update, new ClientOrigin(subscriber));
    if (this.incomplete && !hasPending(this.ydoc)) this.incomplete = false;
    this.compactWhenDue();
    this.events.timed(this, 'device', performance.now() - started);
    return ok();
  }

  /** A change made by the server itself; stored through the update event. Throws if it could not be stored. */
  change(fn: (doc: Y.Doc) => void): void {
    const started = performance.now();
    const before = this.seq;
    this.ydoc.transact(() => fn(this.ydoc), SERVER_ORIGIN);
    if (this.storageError !== null) throw this.storageError;
    // A change that changed nothing wrote nothing: it is no commit.
    if (this.seq !== before) this.events.timed(this, 'server', performance.now() - started);
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

  compact(): void {
    if (this.sinceCompaction === 0) return;
    this.store.compact(this.name, this.seq, Y.encodeStateAsUpdate(this.ydoc));
    this.sinceCompaction = 0;
  }

  destroy(): void {
    this.awareness.destroy();
    this.ydoc.destroy();
    this.scratch?.destroy();
    this.scratch = null;
  }

  private append(update: Uint8Array, claims: readonly ClientClaim[]): void {
    this.store.append(this.name, this.seq + 1, update, claims);
    this.seq += 1;
    this.sinceCompaction += 1;
    for (const c of claims) this.owners.set(c.client, c.owner);
  }

  /** Folds the log into a snapshot; only ever called once `ydoc` holds every appended update. */
  private compactWhenDue(): void {
    if (this.sinceCompaction < this.compactEvery) return;
    try {
      this.compact();
    } catch {
      // The log still holds every update; compaction is retried on the next append or at unload.
    }
  }

  /** The order this document holds (header and reduced state), or null for other kinds or a malformed header. */
  orderView(): OrderView | null {
    return this.orderLog?.orderView() ?? null;
  }

  private onUpdate(update: Uint8Array, origin: unknown): void {
    if (origin === LOAD_ORIGIN) return;
    const from = origin instanceof ClientOrigin ? origin.subscriber : null;
    if (!from) {
      const client = this.ydoc.clientID;
      const claims = this.owners.has(client) ? [] : [{ client, owner: SERVER_OWNER }];
      try {
        this.append(update, claims);
      } catch (err: unknown) {
        this.storageError = err;
        this.events.storageFailed(this, err);
        return;
      }
      if (this.scratch) Y.applyUpdate(this.scratch, update);
      this.compactWhenDue();
    }
    for (const subscriber of this.subscribers) if (subscriber !== from) subscriber.sendUpdate(this, update);
    this.events.committed(this, update);
  }
}

const hasPending = (doc: Y.Doc): boolean => doc.store.pendingStructs !== null || doc.store.pendingDs !== null;

function cloneDoc(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc({ gc: true });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}
