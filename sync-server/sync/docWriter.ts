import { randomInt } from 'node:crypto';
import * as Y from 'yjs';
import type { DocRef } from '../../shared/docNames';
import type { RejectCode } from '../../shared/protocol/rejectCodes';
import { fail, ok, type Result } from '../../shared/result';
import {
  SERVER_OWNER,
  StaleWrite,
  type ClientClaim,
  type ClientOwner,
  type DocStore,
  type StoredDoc,
  type WrittenAlong,
} from '../storage/docStore';
import type { OrderEvent } from '../../shared/order/events';
import { addedEvents, alongAll, eventsAddedBy, type AddedEvents } from './addedEvents';
import { checkPlainAppend, checkUpdate, type CheckResult } from './checkUpdate';
import { claimClientIds } from './checks/clientIds';
import { decodeDeviceUpdate, plainAppendedItems, type DecodedUpdate } from './checks/plainAppend';
import { CommitQueue } from './commitQueue';
import { ClientOrigin, SERVER_ORIGIN, STORED_ORIGIN } from './docOrigins';
import { ScratchCopies } from './scratchCopies';
import type { OrderLog } from './orderLog';
import type { Subscriber } from './syncedDoc';

/**
 * How many times a write catches up with another writer and tries again before it gives up. Each loss
 * means another node committed to this document meanwhile, so this bounds a burst of theirs, not time.
 */
const CATCH_UPS = 100;

export type WriteSource = 'device' | 'server';

/** What the writer tells the document it writes for. */
export interface WriterEvents {
  /** An update was stored at `seq` (before it is applied here): other nodes may hear of it. */
  stored(seq: number, update: Uint8Array, claims: readonly ClientClaim[]): void;
  /** Storage refused a write: nothing changed. */
  failed(error: unknown, source: WriteSource): void;
  /**
   * Rows to write in the append's own transaction for the order events it adds (the outbox). Asked again
   * on every attempt: a stale attempt rolled back with everything it wrote.
   */
  eventsAlong(added: AddedEvents): WrittenAlong | undefined;
}

/**
 * The write path of one document: checks (a plain append of order events from its decoded structs,
 * anything else applied to a scratch copy first), stores, then applies, one write at a time (the commit
 * queue). Invariants: every update in `ydoc` is in storage, and storage is written first; every snapshot
 * holds every update up to its seq; a scratch copy kept between writes holds exactly what `ydoc` holds (a
 * refused check or a failed write discards its copy); `seq` is the highest stored seq this node has applied.
 */
export class DocWriter {
  private readonly queue = new CommitQueue();
  private readonly scratches: ScratchCopies;
  private sinceCompaction = 0;
  private seq: number;
  /** Owner of each Yjs client id written here (see checks/clientIds.ts). */
  private readonly owners: Map<number, ClientOwner>;
  /** The stored log has a gap: later updates wait for one storage lost. Devices holding it can fill it. */
  incomplete = false;

  constructor(
    private readonly name: string,
    private readonly ref: DocRef,
    private readonly ydoc: Y.Doc,
    private readonly store: DocStore,
    stored: Pick<StoredDoc, 'lastSeq' | 'owners'>,
    private readonly orderLog: OrderLog | null,
    private readonly events: WriterEvents,
    private readonly compactEvery: number,
  ) {
    this.seq = stored.lastSeq;
    this.owners = new Map(stored.owners);
    this.scratches = new ScratchCopies(ydoc, ref);
  }

  /** The highest stored seq applied here. */
  get appliedSeq(): number {
    return this.seq;
  }

  /** Copies of the document made to check or make a write (ScratchCopies.made). */
  get scratchCopiesMade(): number {
    return this.scratches.made;
  }

  /** Stored state was applied to ydoc (at load): `updates` of it are still in the log. */
  restored(updates: number): void {
    this.sinceCompaction = updates;
    this.incomplete = hasPending(this.ydoc);
  }

  /** Runs `work` after every write asked for before it. */
  run<T>(work: () => Promise<T>): Promise<T> {
    return this.queue.run(work);
  }

  /** Resolves once every write asked for so far has settled. */
  settled(): Promise<void> {
    return this.queue.drained();
  }

  /** An update that was stored and applied elsewhere reached ydoc (see STORED_ORIGIN): the scratch copy keeps up. */
  followScratch(update: Uint8Array): void {
    this.scratches.follow(update);
  }

  /** Ok(true) when the update was stored and applied, Ok(false) when it changed nothing. */
  async fromDevice(subscriber: Subscriber, update: Uint8Array, now: number): Promise<Result<boolean, RejectCode>> {
    const decoded = decodeDeviceUpdate(update);
    if (!decoded.ok) return decoded;
    // Every device's first message is its half of the sync, nearly always nothing: checked on a scratch
    // copy it cost a copy of the whole document per connecting device. With nothing waiting, it changes nothing.
    if (isEmpty(decoded.value) && !hasPending(this.ydoc)) return ok(false);
    for (let attempt = 0; ; attempt += 1) {
      const claim = claimClientIds(decoded.value.structs, subscriber.actor, this.owners, (client) => this.ydoc.store.clients.has(client));
      if (!claim.ok) return claim;
      const items = this.ref.kind === 'order' ? plainAppendedItems(this.ydoc, decoded.value) : null;
      let scratch: Y.Doc | null = null;
      let check: CheckResult;
      if (items) check = checkPlainAppend(items, subscriber.actor, this.ref, now, this.orderLog);
      else {
        scratch = this.scratches.take();
        check = checkUpdate(scratch, update, subscriber.actor, this.ref, now, this.orderLog);
      }
      if (!check.ok || !check.value.changed) {
        // A refused update spoiled the copy; one that changed nothing left it as it was.
        if (scratch && check.ok) this.scratches.giveBack(scratch);
        return check.ok ? ok(false) : check;
      }
      // A plain append leaves the header as it was: the committed document still names the outlet.
      const along = this.eventsAlong(scratch ?? this.ydoc, check.value.events);
      const written = await this.append(update, claim.value, attempt, 'device', along);
      if (written === 'stale') continue;
      if (written !== 'stored') return fail('storage_failed', 'The server could not store the change; it will be retried.');
      const apply = (): void => Y.applyUpdate(this.ydoc, update, new ClientOrigin(subscriber));
      const checked = check.value.checked;
      if (this.orderLog && checked) this.orderLog.applyChecked(checked, apply);
      else apply();
      if (scratch) this.scratches.giveBack(scratch);
      else this.scratches.drop();
      if (this.incomplete && !hasPending(this.ydoc)) this.incomplete = false;
      this.compactWhenDue();
      return ok(true);
    }
  }

  /** True when `fn` changed something and it was stored and applied. */
  async fromServer(fn: (doc: Y.Doc) => void, along: WrittenAlong | undefined): Promise<boolean> {
    for (let attempt = 0; ; attempt += 1) {
      const scratch = this.scratches.take();
      scratch.clientID = this.serverClient();
      const captured: Uint8Array[] = [];
      const capture = (u: Uint8Array): void => {
        captured.push(u);
      };
      scratch.on('update', capture);
      let events: OrderEvent[] = [];
      try {
        const change = (): void => scratch.transact(() => fn(scratch), SERVER_ORIGIN);
        if (this.ref.kind === 'order') events = eventsAddedBy(scratch, change);
        else change();
      } catch (err: unknown) {
        scratch.destroy();
        throw err;
      } finally {
        scratch.off('update', capture);
      }
      // One transaction makes at most one update event.
      const update = captured[0];
      if (update === undefined) {
        this.scratches.giveBack(scratch);
        return false;
      }
      const claims = this.owners.has(scratch.clientID) ? [] : [{ client: scratch.clientID, owner: SERVER_OWNER }];
      const written = await this.append(update, claims, attempt, 'server', alongAll(along, this.eventsAlong(scratch, events)));
      if (written === 'stale') continue;
      if (written !== 'stored') throw written.failed;
      Y.applyUpdate(this.ydoc, update, SERVER_ORIGIN);
      this.scratches.giveBack(scratch);
      this.compactWhenDue();
      return true;
    }
  }

  /** Reads what other writers stored since `seq` and applies it (relayed like any commit). */
  async readNewer(): Promise<void> {
    const [newer, owners] = await Promise.all([this.store.since(this.name, this.seq), this.store.owners(this.name)]);
    for (const [client, owner] of owners) this.owners.set(client, owner);
    if (newer.lastSeq <= this.seq) return;
    this.scratches.drop();
    this.ydoc.transact(() => {
      if (newer.snapshot) Y.applyUpdate(this.ydoc, newer.snapshot, STORED_ORIGIN);
      for (const update of newer.updates) Y.applyUpdate(this.ydoc, update, STORED_ORIGIN);
    }, STORED_ORIGIN);
    this.sinceCompaction = newer.snapshot ? newer.updates.length : this.sinceCompaction + newer.updates.length;
    this.seq = newer.lastSeq;
    this.incomplete = hasPending(this.ydoc);
  }

  /**
   * An update another node stored at `seq` (null: only that it did): applied when it is the next one,
   * ignored when this node has it already, and read from storage, with whatever came before it, when
   * something in between was missed.
   */
  async heard(seq: number, update: Uint8Array | null, claims: readonly ClientClaim[]): Promise<void> {
    if (seq <= this.seq) return;
    if (seq > this.seq + 1 || update === null) {
      await this.readNewer();
      return;
    }
    for (const c of claims) this.owners.set(c.client, c.owner);
    this.seq = seq;
    this.sinceCompaction += 1;
    Y.applyUpdate(this.ydoc, update, STORED_ORIGIN);
    if (this.incomplete && !hasPending(this.ydoc)) this.incomplete = false;
  }

  /** Folds the log into a snapshot (never lowering the stored one), if it holds `atLeast` updates. */
  async compactNow(atLeast = 1): Promise<void> {
    if (this.sinceCompaction < Math.max(1, atLeast)) return;
    await this.store.compact(this.name, this.seq, Y.encodeStateAsUpdate(this.ydoc));
    this.sinceCompaction = 0;
  }

  destroy(): void {
    this.scratches.drop();
  }

  /**
   * Stores `update` at the next seq. 'stale': another writer got there first, and this document has
   * caught up with it (the caller checks again on the newer state). Failures are reported to `events`.
   */
  private async append(
    update: Uint8Array,
    claims: readonly ClientClaim[],
    attempt: number,
    source: WriteSource,
    along?: WrittenAlong,
  ): Promise<'stored' | 'stale' | { readonly failed: unknown }> {
    try {
      await this.store.append(this.name, this.seq + 1, update, claims, along);
    } catch (err: unknown) {
      let error = err;
      if (err instanceof StaleWrite && attempt < CATCH_UPS) {
        try {
          await this.readNewer();
          return 'stale';
        } catch (readError: unknown) {
          error = readError;
        }
      }
      this.events.failed(error, source);
      return { failed: error };
    }
    this.seq += 1;
    this.sinceCompaction += 1;
    for (const c of claims) this.owners.set(c.client, c.owner);
    this.events.stored(this.seq, update, claims);
    return 'stored';
  }

  /** The outbox's rows for the order events an update adds; none for other documents or no events. */
  private eventsAlong(scratch: Y.Doc, events: readonly OrderEvent[]): WrittenAlong | undefined {
    if (this.ref.kind !== 'order' || events.length === 0) return undefined;
    return this.events.eventsAlong(addedEvents(scratch, this.ref.orderId, events));
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

  /** Folds the log into a snapshot once enough has been appended; only ever queued after the write that made it due. */
  private compactWhenDue(): void {
    if (this.sinceCompaction < this.compactEvery) return;
    // The log still holds every update if this fails; it is retried after the next append or at unload.
    this.queue.run(() => this.compactNow()).catch(() => undefined);
  }
}

const hasPending = (doc: Y.Doc): boolean => doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
const isEmpty = (decoded: DecodedUpdate): boolean => decoded.structs.length === 0 && decoded.ds.clients.size === 0;
