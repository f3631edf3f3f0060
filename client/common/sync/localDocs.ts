import * as Y from 'yjs';
import { COMPACT_AFTER_ROWS, compactSyncedRows } from '../store/compaction';
import type { DabbaDb, DocSyncState, UpdateRow } from '../store/db';
import { appendUpdate, docUpdates, dropUpdate, markSynced, updatesOfDocs } from '../store/updateLog';
import { LOAD_ORIGIN, REMOTE_ORIGIN } from './origins';

export interface LocalDocsHooks {
  /** A local edit is stored under `rowId` (its seq) and may now be sent. */
  readonly onLocalUpdate: (docName: string, rowId: number, update: Uint8Array) => void;
  /** The document's content or sync state changed; read it again with `get` / `syncState`. */
  readonly onChange: (docName: string) => void;
  readonly onStorageError: (error: unknown) => void;
}

/** Synced rows written since the last compaction before it is worth merging them again. */
const COMPACT_EVERY = 64;

/**
 * Documents loaded per storage task. A device that follows an inbox opens every order it lists at
 * once (thousands after a busy day): one read per batch instead of two per document, and batches
 * small enough that a write from a tap waits behind at most one of them.
 */
const OPEN_BATCH = 50;

interface PendingOpen {
  readonly resolve: (doc: Y.Doc) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * The Y.Docs the device holds, each backed by its rows in the update log. Every change is
 * written to IndexedDB before anything else hears of it, so what the UI shows is always on disk.
 * All storage work runs through one queue: a rebuild never interleaves with a write.
 */
export class LocalDocs {
  private readonly docs = new Map<string, Y.Doc>();
  private readonly opening = new Map<string, Promise<Y.Doc>>();
  private readonly unsynced = new Map<string, Set<number>>();
  private readonly handlers = new Map<string, (update: Uint8Array, origin: unknown) => void>();
  private readonly writesSinceCompaction = new Map<string, number>();
  /** Opens waiting for a batch, in the order they will load. */
  private pendingOpens = new Map<string, PendingOpen>();
  private batchQueued = false;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly db: DabbaDb,
    private readonly hooks: LocalDocsHooks,
  ) {}

  get(docName: string): Y.Doc | undefined {
    return this.docs.get(docName);
  }

  /** True once `open` was called for this name, even while it is still loading. */
  isHeld(docName: string): boolean {
    return this.opening.has(docName);
  }

  names(): string[] {
    return [...this.docs.keys()];
  }

  syncState(docName: string): DocSyncState {
    return (this.unsynced.get(docName)?.size ?? 0) > 0 ? 'local' : 'synced';
  }

  /**
   * Loads the document from its stored rows (once) and starts persisting its changes. `urgent`
   * puts a document still waiting to load at the front: someone is acting on it now.
   */
  open(docName: string, urgent = false): Promise<Y.Doc> {
    const existing = this.opening.get(docName);
    if (existing) {
      if (urgent) this.hurry(docName);
      return existing;
    }
    const loading = new Promise<Y.Doc>((resolve, reject) => {
      this.pendingOpens.set(docName, { resolve, reject });
    });
    if (urgent) this.hurry(docName);
    this.opening.set(docName, loading);
    loading.catch(() => this.opening.delete(docName));
    this.queueBatch();
    return loading;
  }

  /**
   * Applies a change from the server and, if it changed anything, stores it as a synced row exactly
   * as the server sent it. Not the update event: when this device has an unsynced value under a key
   * the server's change also sets, that event carries the deletion of the server's value, which
   * would outlive the local value once the server refuses it and the document is rebuilt.
   */
  applyRemote(docName: string, update: Uint8Array): void {
    const doc = this.docs.get(docName);
    if (!doc) return;
    const seen = { changed: false };
    const noteChange = (): void => {
      seen.changed = true;
    };
    doc.on('update', noteChange);
    try {
      Y.applyUpdate(doc, update, REMOTE_ORIGIN);
    } finally {
      doc.off('update', noteChange);
    }
    // Structs still waiting for others count too: the event that later integrates them is not stored.
    if (seen.changed || doc.store.pendingStructs !== null || doc.store.pendingDs !== null) void this.persist(docName, update, false);
  }

  /**
   * Reads a held document's rows again, for rows another context (the service worker, after a push)
   * appended to the log: they are on disk already, so nothing is written or sent.
   */
  reloadFromStore(docName: string): Promise<void> {
    return this.enqueue(async () => {
      const doc = this.docs.get(docName);
      if (!doc) return;
      const rows = await docUpdates(this.db, docName);
      if (rows.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(rows.map((r) => r.update)), LOAD_ORIGIN);
      this.hooks.onChange(docName);
    });
  }

  /** Stores a local-only diff the server asked for, as a row to send and await an ACK for. */
  storeForServer(docName: string, update: Uint8Array): Promise<number> {
    return this.enqueue(async () => {
      const id = await appendUpdate(this.db, docName, update, true);
      this.unsyncedOf(docName).add(id);
      this.hooks.onChange(docName);
      return id;
    });
  }

  acknowledge(docName: string, rowId: number): Promise<void> {
    return this.enqueue(async () => {
      await markSynced(this.db, rowId);
      this.unsynced.get(docName)?.delete(rowId);
      await this.maybeCompact(docName);
      this.hooks.onChange(docName);
    });
  }

  /** Forgets a refused row and rebuilds the document from the rows that remain. */
  discard(rowId: number): Promise<string | null> {
    return this.enqueue(async () => {
      const docName = await dropUpdate(this.db, rowId);
      if (!docName) return null;
      this.unsynced.get(docName)?.delete(rowId);
      if (this.docs.has(docName)) this.install(docName, await this.load(docName));
      this.hooks.onChange(docName);
      return docName;
    });
  }

  /** Resolves once every queued storage write has finished. */
  async settled(): Promise<void> {
    await this.queue.then(
      () => undefined,
      () => undefined,
    );
  }

  close(): void {
    this.closed = true;
    for (const [name, doc] of this.docs) {
      const handler = this.handlers.get(name);
      if (handler) doc.off('update', handler);
      doc.destroy();
    }
    this.docs.clear();
    this.opening.clear();
    this.handlers.clear();
  }

  private hurry(docName: string): void {
    const pending = this.pendingOpens.get(docName);
    if (!pending) return;
    this.pendingOpens = new Map([[docName, pending], ...[...this.pendingOpens].filter(([name]) => name !== docName)]);
  }

  /**
   * One batch in the queue at a time, each queuing the next when done: writes queued meanwhile
   * (a tap, a server update) run between batches instead of after all of them.
   */
  private queueBatch(): void {
    if (this.batchQueued || this.pendingOpens.size === 0) return;
    this.batchQueued = true;
    void this.enqueue(() => this.openBatch())
      .catch(() => undefined)
      .finally(() => {
        this.batchQueued = false;
        this.queueBatch();
      });
  }

  private async openBatch(): Promise<void> {
    const batch = [...this.pendingOpens].slice(0, OPEN_BATCH);
    for (const [name] of batch) this.pendingOpens.delete(name);
    try {
      const byDoc = new Map<string, UpdateRow[]>();
      for (const row of await updatesOfDocs(
        this.db,
        batch.map(([name]) => name),
      )) {
        const rows = byDoc.get(row.docName) ?? [];
        rows.push(row);
        byDoc.set(row.docName, rows);
      }
      for (const [name, pending] of batch) {
        let rows = byDoc.get(name) ?? [];
        if (rows.filter((r) => r.unsynced === 0).length >= COMPACT_AFTER_ROWS) {
          await compactSyncedRows(this.db, name);
          rows = await docUpdates(this.db, name);
        }
        const doc = this.build(name, rows);
        this.install(name, doc);
        pending.resolve(doc);
      }
    } catch (error) {
      for (const [, pending] of batch) pending.reject(error);
      throw error;
    }
  }

  private async load(docName: string): Promise<Y.Doc> {
    return this.build(docName, await docUpdates(this.db, docName));
  }

  private build(docName: string, rows: readonly UpdateRow[]): Y.Doc {
    const doc = new Y.Doc();
    if (rows.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(rows.map((r) => r.update)), LOAD_ORIGIN);
    this.unsynced.set(docName, new Set(rows.filter((r) => r.unsynced === 1).map((r) => r.id)));
    return doc;
  }

  /** Puts `doc` in place of the document held under that name, moving the persistence handler. */
  private install(docName: string, doc: Y.Doc): void {
    // A load still queued when the provider stopped must not bring a document back.
    if (this.closed) return;
    const previous = this.docs.get(docName);
    const oldHandler = this.handlers.get(docName);
    if (previous && oldHandler) previous.off('update', oldHandler);
    previous?.destroy();
    const handler = (update: Uint8Array, origin: unknown): void => {
      if (origin === LOAD_ORIGIN || origin === REMOTE_ORIGIN) return;
      void this.persist(docName, update, true);
    };
    doc.on('update', handler);
    this.docs.set(docName, doc);
    this.handlers.set(docName, handler);
    this.hooks.onChange(docName);
  }

  private persist(docName: string, update: Uint8Array, local: boolean): Promise<void> {
    return this.enqueue(async () => {
      const id = await appendUpdate(this.db, docName, update, local);
      if (local) {
        this.unsyncedOf(docName).add(id);
        this.hooks.onLocalUpdate(docName, id, update);
      } else {
        await this.maybeCompact(docName);
      }
      this.hooks.onChange(docName);
    });
  }

  private async maybeCompact(docName: string): Promise<void> {
    const writes = (this.writesSinceCompaction.get(docName) ?? 0) + 1;
    this.writesSinceCompaction.set(docName, writes % COMPACT_EVERY);
    if (writes >= COMPACT_EVERY) await compactSyncedRows(this.db, docName);
  }

  private unsyncedOf(docName: string): Set<number> {
    let set = this.unsynced.get(docName);
    if (!set) {
      set = new Set();
      this.unsynced.set(docName, set);
    }
    return set;
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch((error: unknown) => this.hooks.onStorageError(error));
    return run;
  }
}
