import { randomInt } from 'node:crypto';
import * as Y from 'yjs';
import type { DocRef } from '../../shared/docNames';
import type { OrderView } from '../../shared/order/orderDoc';
import type { RejectCode } from '../../shared/protocol/rejectCodes';
import { fail, ok, type Result } from '../../shared/result';
import type { Actor } from '../../shared/roles';
import {
  SERVER_OWNER,
  StaleWrite,
  type ClientClaim,
  type ClientOwner,
  type DocStore,
  type StoredDoc,
  type WrittenAlong,
} from '../storage/docStore';
import { CommitQueue } from './commitQueue';
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

/** Marks a change the server made itself (projections, order creation), applied once it is stored. */
export const SERVER_ORIGIN = Symbol('server');
const LOAD_ORIGIN = Symbol('load');
/** Updates another writer (node) stored, read back from storage and applied here. */
const STORED_ORIGIN = Symbol('stored');
/**
 * How many times a write catches up with another writer and tries again before it gives up. Each loss
 * means another node committed to this document meanwhile, so this bounds a burst of theirs, not time.
 */
const CATCH_UPS = 100;

class ClientOrigin {
  constructor(readonly subscriber: Subscriber) {}
}

export type CommitResult = Result<undefined, RejectCode>;

export interface SyncedDocEvents {
  /** After an update is committed and relayed. Throwing here never undoes the commit. */
  committed(doc: SyncedDoc, update: Uint8Array): void;
  /** Storage refused a write: nothing changed (a device was told to retry; a server change rejected). */
  appendFailed(doc: SyncedDoc, error: unknown, source: 'device' | 'server'): void;
  /** A commit took `ms` from the update arriving (or the server's change starting) to relayed and projected. */
  timed(doc: SyncedDoc, source: 'device' | 'server', ms: number): void;
}

/** Updates appended to the log before it is folded into a snapshot. */
export const DEFAULT_COMPACT_EVERY = 500;

/**
 * One loaded document: the committed Y.Doc, the devices holding it, and the scratch copy where device
 * updates are checked and server changes are made before they are stored. Invariants: every update in
 * `ydoc` is in storage, and storage is written first; writes run one at a time (the commit queue); every
 * snapshot holds every update up to its seq; between writes the scratch copy holds exactly what `ydoc`
 * holds (a refused check or a failed write discards it).
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
  private readonly queue = new CommitQueue();
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
    // ydoc itself never writes: server changes are made on the scratch copy under a server client id.
    this.ydoc.clientID = 0;
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

  /**
   * A device's update: checked on the scratch copy, committed to storage, then applied and relayed.
   * Resolves when that is done (the caller acknowledges then) or the update is refused.
   */
  commitFrom(subscriber: Subscriber, update: Uint8Array, now = Date.now()): Promise<CommitResult> {
    const started = performance.now();
    return this.queue.run(async () => {
      const result = await this.writeFromDevice(subscriber, update, now);
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
    return this.queue.run(async () => {
      // A change that changed nothing wrote nothing: it is no commit.
      if (await this.writeFromServer(fn, along)) this.events.timed(this, 'server', performance.now() - started);
    });
  }

  /** Resolves once every write asked for so far has settled. */
  settled(): Promise<void> {
    return this.queue.drained();
  }

  /** Reads what other writers stored since this document's seq and applies it (relayed like any commit). */
  catchUp(): Promise<void> {
    return this.queue.run(() => this.readNewer());
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

  /** Folds the log into a snapshot, after the writes asked for before it. */
  compact(): Promise<void> {
    return this.queue.run(() => this.compactNow());
  }

  destroy(): void {
    this.awareness.destroy();
    this.ydoc.destroy();
    this.scratch?.destroy();
    this.scratch = null;
  }

  /** Ok(true) when the update was stored and applied, Ok(false) when it changed nothing. */
  private async writeFromDevice(subscriber: Subscriber, update: Uint8Array, now: number): Promise<Result<boolean, RejectCode>> {
    for (let attempt = 0; ; attempt += 1) {
      const claim = claimClientIds(update, subscriber.actor, this.owners, (client) => this.ydoc.store.clients.has(client));
      if (!claim.ok) return claim;
      this.scratch ??= cloneDoc(this.ydoc);
      const check = checkUpdate(this.scratch, update, subscriber.actor, this.ref, now, this.orderLog);
      if (!check.ok) {
        this.scratch = null;
        return check;
      }
      if (!check.value.changed) return ok(false);
      const written = await this.append(update, claim.value, attempt, 'device');
      if (written === 'stale') continue;
      if (written !== 'stored') return fail('storage_failed', 'The server could not store the change; it will be retried.');
      Y.applyUpdate(this.ydoc, update, new ClientOrigin(subscriber));
      if (this.incomplete && !hasPending(this.ydoc)) this.incomplete = false;
      this.compactWhenDue();
      return ok(true);
    }
  }

  /** True when `fn` changed something and it was stored and applied. */
  private async writeFromServer(fn: (doc: Y.Doc) => void, along: WrittenAlong | undefined): Promise<boolean> {
    for (let attempt = 0; ; attempt += 1) {
      const scratch = (this.scratch ??= cloneDoc(this.ydoc));
      scratch.clientID = this.serverClient();
      const captured: Uint8Array[] = [];
      const capture = (u: Uint8Array): void => {
        captured.push(u);
      };
      scratch.on('update', capture);
      try {
        scratch.transact(() => fn(scratch), SERVER_ORIGIN);
      } catch (err: unknown) {
        this.scratch = null;
        throw err;
      } finally {
        scratch.off('update', capture);
      }
      // One transaction makes at most one update event.
      const update = captured[0];
      if (update === undefined) return false;
      const claims = this.owners.has(scratch.clientID) ? [] : [{ client: scratch.clientID, owner: SERVER_OWNER }];
      const written = await this.append(update, claims, attempt, 'server', along);
      if (written === 'stale') continue;
      if (written !== 'stored') throw written.failed;
      Y.applyUpdate(this.ydoc, update, SERVER_ORIGIN);
      this.compactWhenDue();
      return true;
    }
  }

  /**
   * Stores `update` at the next seq. 'stale': another writer got there first, and this document has
   * caught up with it (the caller checks again on the newer state). Failures are reported to `events`.
   */
  private async append(
    update: Uint8Array,
    claims: readonly ClientClaim[],
    attempt: number,
    source: 'device' | 'server',
    along?: WrittenAlong,
  ): Promise<'stored' | 'stale' | { readonly failed: unknown }> {
    try {
      await this.store.append(this.name, this.seq + 1, update, claims, along);
    } catch (err: unknown) {
      this.scratch = null;
      let error = err;
      if (err instanceof StaleWrite && attempt < CATCH_UPS) {
        try {
          await this.readNewer();
          return 'stale';
        } catch (readError: unknown) {
          error = readError;
        }
      }
      this.events.appendFailed(this, error, source);
      return { failed: error };
    }
    this.seq += 1;
    this.sinceCompaction += 1;
    for (const c of claims) this.owners.set(c.client, c.owner);
    return 'stored';
  }

  private async readNewer(): Promise<void> {
    const [newer, owners] = await Promise.all([this.store.since(this.name, this.seq), this.store.owners(this.name)]);
    for (const [client, owner] of owners) this.owners.set(client, owner);
    if (newer.lastSeq === this.seq) return;
    this.scratch = null;
    this.ydoc.transact(() => {
      if (newer.snapshot) Y.applyUpdate(this.ydoc, newer.snapshot, STORED_ORIGIN);
      for (const update of newer.updates) Y.applyUpdate(this.ydoc, update, STORED_ORIGIN);
    }, STORED_ORIGIN);
    this.sinceCompaction = newer.snapshot ? newer.updates.length : this.sinceCompaction + newer.updates.length;
    this.seq = newer.lastSeq;
    this.incomplete = hasPending(this.ydoc);
  }

  /**
   * The client id server changes are written under: one the server already owns here (its clock goes on
   * from the stored state, and seq order keeps two nodes from writing the same clock), else a new one.
   */
  private serverClient(): number {
    for (const [client, owner] of this.owners) if (owner === SERVER_OWNER) return client;
    for (;;) {
      const client = randomInt(1, 2 ** 32);
      if (!this.owners.has(client) && !this.ydoc.store.clients.has(client)) return client;
    }
  }

  private async compactNow(): Promise<void> {
    if (this.sinceCompaction === 0) return;
    await this.store.compact(this.name, this.seq, Y.encodeStateAsUpdate(this.ydoc));
    this.sinceCompaction = 0;
  }

  /** Folds the log into a snapshot once enough has been appended; only ever queued after the write that made it due. */
  private compactWhenDue(): void {
    if (this.sinceCompaction < this.compactEvery) return;
    // The log still holds every update if this fails; it is retried after the next append or at unload.
    this.compact().catch(() => undefined);
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
    if (origin === STORED_ORIGIN && this.scratch) Y.applyUpdate(this.scratch, update);
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
