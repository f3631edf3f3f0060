import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { DocRef } from '../../shared/docNames';
import { readOrder, type OrderView } from '../../shared/order/orderDoc';
import type { RejectCode } from '../../shared/protocol/rejectCodes';
import type { Actor } from '../../shared/roles';
import type { DocStore } from '../storage/docStore';
import { checkUpdate } from './checkUpdate';

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

export type CommitResult = { readonly ok: true } | { readonly ok: false; readonly code: RejectCode; readonly message: string };

export interface SyncedDocEvents {
  /** After an update is committed and relayed. Throwing here never undoes the commit. */
  committed(doc: SyncedDoc, update: Uint8Array): void;
  /** Storage refused a server-made change: the in-memory doc is ahead of disk and must be dropped. */
  storageFailed(doc: SyncedDoc, error: unknown): void;
}

/** Updates appended to the log before it is folded into a snapshot. */
const COMPACT_EVERY = 500;

/**
 * One loaded document: the committed Y.Doc, the devices holding it, and the scratch copy used to
 * check device updates. Invariant: every update in `ydoc` is in storage, and storage is written first.
 */
export class SyncedDoc {
  readonly ydoc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.ydoc);
  readonly subscribers = new Set<Subscriber>();
  /** Awareness client ids each subscriber announced, removed when it leaves. */
  private readonly awarenessOwners = new Map<Subscriber, Set<number>>();
  /** Held by something other than a subscriber (a projection write); unloading waits for both to be zero. */
  holds = 0;
  private scratch: Y.Doc | null = null;
  /** The parsed order (order documents only), computed once per committed state: several plug-ins read it. */
  private view: { readonly value: OrderView | null } | null = null;
  /** Set when storage refused a server-made change; the doc is then dropped and `change` throws. */
  private storageError: unknown = null;
  private sinceCompaction: number;

  constructor(
    readonly name: string,
    readonly ref: DocRef,
    private readonly store: DocStore,
    private seq: number,
    private readonly events: SyncedDocEvents,
  ) {
    this.sinceCompaction = 0;
    this.awareness.setLocalState(null);
    this.ydoc.on('update', (update: Uint8Array, origin: unknown) => this.onUpdate(update, origin));
    this.awareness.on('update', (change: AwarenessChange, origin: unknown) => this.onAwareness(change, origin));
  }

  addSubscriber(subscriber: Subscriber): void {
    this.subscribers.add(subscriber);
  }

  removeSubscriber(subscriber: Subscriber): void {
    this.subscribers.delete(subscriber);
    const owned = this.awarenessOwners.get(subscriber);
    this.awarenessOwners.delete(subscriber);
    if (owned && owned.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...owned], null);
  }

  /** Applies a device's awareness update; false when the bytes are not an awareness update. */
  applyAwareness(subscriber: Subscriber, update: Uint8Array): boolean {
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, subscriber);
      return true;
    } catch {
      return false;
    }
  }

  /** Every known awareness state, for a device that just subscribed; null when there is none. */
  awarenessSnapshot(): Uint8Array | null {
    const clients = [...this.awareness.getStates().keys()];
    return clients.length > 0 ? awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients) : null;
  }

  /** Applies stored state without writing it again. Throws if storage holds something that is not Yjs. */
  restore(snapshot: Uint8Array | null, updates: readonly Uint8Array[]): void {
    this.ydoc.transact(() => {
      if (snapshot) Y.applyUpdate(this.ydoc, snapshot, LOAD_ORIGIN);
      for (const update of updates) Y.applyUpdate(this.ydoc, update, LOAD_ORIGIN);
    }, LOAD_ORIGIN);
    this.sinceCompaction = updates.length;
    if (this.ydoc.store.pendingStructs !== null || this.ydoc.store.pendingDs !== null) {
      throw new Error(`stored state of ${this.name} is incomplete`);
    }
  }

  /** A device's update: checked on the scratch copy, committed to storage, then applied and relayed. */
  commitFrom(subscriber: Subscriber, update: Uint8Array, now = Date.now()): CommitResult {
    this.scratch ??= cloneDoc(this.ydoc);
    const check = checkUpdate(this.scratch, update, subscriber.actor, this.ref, now);
    if (!check.ok) {
      this.scratch = null;
      return check;
    }
    if (!check.changed) return { ok: true };
    try {
      this.persist(update);
    } catch {
      this.scratch = null;
      return { ok: false, code: 'storage_failed', message: 'The server could not store the change; it will be retried.' };
    }
    Y.applyUpdate(this.ydoc, update, new ClientOrigin(subscriber));
    return { ok: true };
  }

  /** A change made by the server itself; stored through the update event. Throws if it could not be stored. */
  change(fn: (doc: Y.Doc) => void): void {
    this.ydoc.transact(() => fn(this.ydoc), SERVER_ORIGIN);
    if (this.storageError !== null) throw this.storageError;
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

  private persist(update: Uint8Array): void {
    this.store.append(this.name, this.seq + 1, update);
    this.seq += 1;
    this.sinceCompaction += 1;
    if (this.sinceCompaction >= COMPACT_EVERY) this.compact();
  }

  /** The order this document holds (header and reduced state), or null for other kinds or a malformed header. */
  orderView(): OrderView | null {
    if (this.ref.kind !== 'order') return null;
    this.view ??= { value: readOrder(this.ydoc) };
    return this.view.value;
  }

  private onUpdate(update: Uint8Array, origin: unknown): void {
    this.view = null;
    if (origin === LOAD_ORIGIN) return;
    const from = origin instanceof ClientOrigin ? origin.subscriber : null;
    if (!from) {
      try {
        this.persist(update);
      } catch (err: unknown) {
        this.storageError = err;
        this.events.storageFailed(this, err);
        return;
      }
      if (this.scratch) Y.applyUpdate(this.scratch, update);
    }
    for (const subscriber of this.subscribers) if (subscriber !== from) subscriber.sendUpdate(this, update);
    this.events.committed(this, update);
  }

  private onAwareness({ added, updated, removed }: AwarenessChange, origin: unknown): void {
    const owner = origin as Subscriber;
    if (this.subscribers.has(owner)) {
      const owned = this.awarenessOwners.get(owner) ?? new Set<number>();
      for (const id of added) owned.add(id);
      for (const id of removed) owned.delete(id);
      this.awarenessOwners.set(owner, owned);
    }
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0) return;
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    for (const subscriber of this.subscribers) subscriber.sendAwareness(this, update);
  }
}

interface AwarenessChange { added: number[]; updated: number[]; removed: number[] }

function cloneDoc(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc({ gc: true });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}
