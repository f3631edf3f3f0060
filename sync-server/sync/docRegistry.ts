import { docName, type DocRef } from '../../shared/docNames';
import { singleNode, type Fanout } from '../fanout/fanout';
import type { FanoutMessage } from '../fanout/fanoutMessage';
import type { Logger } from '../log';
import type { DocStore, WrittenAlong } from '../storage/docStore';
import { alongAll, type AddedEvents } from './addedEvents';
import { IdleTimers } from './idleTimers';
import { DEFAULT_COMPACT_EVERY, SyncedDoc, type SyncedDocEvents } from './syncedDoc';

/** Plug-in points around a document's life, in the spirit of Hocuspocus extensions. */
export interface DocHooks {
  /** After a document is loaded, before anyone sees it. Throwing fails the load. */
  afterLoad?(doc: SyncedDoc): void;
  /**
   * After every update committed on this node (device or server); another node's commits ran their hooks
   * there. Errors are logged, never undo the commit. A hook
   * that returns a promise holds back the hooks after it, and the next commit's hooks on this document:
   * per document, hooks see commits one at a time and in order. Commits themselves never wait for hooks.
   */
  afterCommit?(doc: SyncedDoc, update: Uint8Array): void | Promise<void>;
  /** A loaded document is being dropped (idle, failure or shutdown). */
  beforeUnload?(doc: SyncedDoc, reason: 'idle' | 'shutdown'): void;
  /** Storage refused a write (a device's update was answered storage_failed, or a server change rejected). */
  storageFailed?(doc: SyncedDoc, error: unknown): void;
  /** How long a commit took, hooks included (metrics). */
  commitTimed?(doc: SyncedDoc, source: 'device' | 'server', ms: number): void;
  /**
   * Rows to write in the same transaction as an update that adds order events, on this node, from a device
   * or the server (the outbox): they commit with the update or neither does. Unlike the other hooks, a
   * throw here, or a failing write, refuses the update.
   */
  writeAlong?(doc: SyncedDoc, added: AddedEvents): WrittenAlong | undefined;
}

/**
 * Updates in a document's log from which unloading folds them into a snapshot. A shorter log loads as fast
 * as a snapshot does, and most documents unloaded hold one or two updates (a tracking projection written
 * once, an inbox touched once): rewriting each of their snapshots as they went idle together was a burst of
 * transactions that held up live traffic (bench:sync). The log keeps counting across loads, so it is folded
 * at a later unload, or when it reaches the compaction interval while loaded.
 */
export const UNLOAD_COMPACT_FROM = 32;

export class LoadError extends Error {
  constructor(
    readonly docName: string,
    cause: unknown,
  ) {
    super(`document ${docName} failed to load`, { cause });
    this.name = 'LoadError';
  }
}

/**
 * Loads documents on first use and unloads them once nothing holds them for `idleMs`.
 * A failed load leaves nothing behind: the next request loads again, and no caller is
 * ever handed an empty stand-in for a document that exists in storage.
 */
export class DocRegistry {
  private readonly loaded = new Map<string, SyncedDoc>();
  private readonly loading = new Map<string, Promise<SyncedDoc>>();
  private readonly idleTimers: IdleTimers;
  /** Documents being unloaded: their last writes and compaction settle before the name loads again. */
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly events: SyncedDocEvents;
  private readonly hooks: DocHooks[] = [];
  /** Per document, the afterCommit hooks still running (one of them returned a promise). */
  private readonly runningHooks = new Map<string, Promise<void>>();
  /** What other nodes announced about documents still loading: heard once they are. */
  private readonly early = new Map<string, FanoutMessage[]>();

  constructor(
    private readonly store: DocStore,
    idleMs: number,
    private readonly log: Logger,
    private readonly compactEvery = DEFAULT_COMPACT_EVERY,
    private readonly fanout: Fanout = singleNode,
  ) {
    this.idleTimers = new IdleTimers(idleMs);
    // Messages may have been lost while this node was cut off from the others: storage has everything.
    fanout.onResumed(() => {
      for (const doc of this.loaded.values()) doc.catchUp().catch((err: unknown) => this.caughtUpFailed(doc.name, err));
    });
    this.events = {
      committed: (doc, update, local) => {
        if (local) this.afterCommit(doc, update);
      },
      announce: (doc, message) => this.fanout.publish(doc.name, message),
      timed: (doc, source, ms) => {
        this.notify('commitTimed', doc, (hook) => hook.commitTimed?.(doc, source, ms));
      },
      eventsAlong: (doc, added) => alongAll(...this.hooks.map((hook) => hook.writeAlong?.(doc, added))),
      appendFailed: (doc, err, source) => {
        const what = source === 'device' ? 'a device update; the device will retry' : 'a server change';
        this.log.error(`storage refused ${what}`, { doc: doc.name, error: String(err) });
        this.notify('storageFailed', doc, (hook) => hook.storageFailed?.(doc, err));
      },
    };
  }

  /** Adds a plug-in; hooks run in the order they were added. */
  use(hooks: DocHooks): void {
    this.hooks.push(hooks);
  }

  get size(): number {
    return this.loaded.size;
  }

  /** Loaded documents whose stored log has a gap that no device has filled yet. */
  withGaps(): string[] {
    return [...this.loaded.values()].filter((doc) => doc.incomplete).map((doc) => doc.name);
  }

  /** The loaded document, loading it first if needed. The caller must `release` it. */
  async acquire(ref: DocRef): Promise<SyncedDoc> {
    const name = docName(ref);
    const doc = this.loaded.get(name) ?? (await this.load(name, ref));
    this.idleTimers.cancel(name);
    doc.holds += 1;
    return doc;
  }

  release(doc: SyncedDoc): void {
    doc.holds = Math.max(0, doc.holds - 1);
    this.scheduleIdle(doc);
  }

  /** Runs `fn` on a document (a server-side read or change), loading it for the duration if needed. */
  async withDoc<T>(ref: DocRef, fn: (doc: SyncedDoc) => T | Promise<T>): Promise<T> {
    const doc = await this.acquire(ref);
    try {
      return await fn(doc);
    } finally {
      this.release(doc);
    }
  }

  /** Drops a subscriber's hold; the document unloads after idleMs when nothing else holds it. */
  scheduleIdle(doc: SyncedDoc): void {
    if (doc.holds > 0 || doc.subscribers.size > 0 || this.loaded.get(doc.name) !== doc) return;
    this.idleTimers.start(doc.name, doc.ref, () => {
      if (doc.holds === 0 && doc.subscribers.size === 0) this.unload(doc, 'idle');
    });
  }

  /** Drops every document (shutdown) and resolves once their writes, hooks and compaction have settled. */
  async closeAll(): Promise<void> {
    for (const doc of [...this.loaded.values()]) this.unload(doc, 'shutdown');
    while (this.unloading.size > 0) await Promise.all(this.unloading.values());
    await this.hooksSettled();
  }

  private load(name: string, ref: DocRef): Promise<SyncedDoc> {
    const pending = this.loading.get(name);
    if (pending) return pending;
    const promise = (async () => {
      await this.unloading.get(name);
      let doc: SyncedDoc | null = null;
      try {
        // Following first: whatever another node stores after the read below is heard.
        this.early.set(name, []);
        await this.fanout.follow(name, (message) => this.heard(name, message));
        const stored = await this.store.load(name);
        doc = new SyncedDoc(name, ref, this.store, stored, this.events, this.compactEvery);
        doc.restore(stored.snapshot, stored.updates);
        if (doc.incomplete) {
          this.log.error('document loaded with a gap in its stored log; devices holding the missing updates will be asked for them', {
            doc: name,
            missing: Object.fromEntries(doc.missing()),
          });
        }
        for (const hook of this.hooks) hook.afterLoad?.(doc);
      } catch (err: unknown) {
        doc?.destroy();
        this.early.delete(name);
        this.fanout.unfollow(name);
        this.log.error('document failed to load', { doc: name, error: String(err) });
        throw new LoadError(name, err);
      }
      for (const message of this.early.get(name) ?? []) this.hear(doc, message);
      this.early.delete(name);
      this.loaded.set(name, doc);
      return doc;
    })();
    this.loading.set(name, promise);
    const clear = (): void => {
      this.loading.delete(name);
    };
    promise.then(clear, clear);
    return promise;
  }

  private unload(doc: SyncedDoc, reason: 'idle' | 'shutdown'): void {
    if (this.loaded.get(doc.name) !== doc) return;
    this.idleTimers.cancel(doc.name);
    this.loaded.delete(doc.name);
    this.fanout.unfollow(doc.name);
    this.notify('beforeUnload', doc, (hook) => hook.beforeUnload?.(doc, reason));
    for (const subscriber of [...doc.subscribers]) {
      doc.removeSubscriber(subscriber);
      subscriber.dropped(doc, 'storage_failed');
    }
    const finished = this.finishUnload(doc);
    this.unloading.set(doc.name, finished);
    void finished.then(() => {
      if (this.unloading.get(doc.name) === finished) this.unloading.delete(doc.name);
    });
  }

  /** After the document's queued writes: compaction of a long log, then it is destroyed. Never rejects. */
  private async finishUnload(doc: SyncedDoc): Promise<void> {
    try {
      await doc.compact(UNLOAD_COMPACT_FROM);
    } catch (err: unknown) {
      // The update log still holds everything; compaction is only an optimisation.
      this.log.error('compaction failed', { doc: doc.name, error: String(err) });
    }
    await doc.settled();
    doc.destroy();
  }

  private heard(name: string, message: FanoutMessage): void {
    const doc = this.loaded.get(name);
    if (doc) this.hear(doc, message);
    else this.early.get(name)?.push(message);
  }

  private hear(doc: SyncedDoc, message: FanoutMessage): void {
    doc.hear(message).catch((err: unknown) => this.caughtUpFailed(doc.name, err));
  }

  /** Not fatal: the next announcement, the next write, or the next device that is ahead catches it up. */
  private caughtUpFailed(name: string, err: unknown): void {
    this.log.error("reading another node's updates from storage failed", { doc: name, error: String(err) });
  }

  /**
   * Resolves once the afterCommit hooks started so far (on document `name`, or on every document) have
   * finished. Hooks started meanwhile are not waited for: under steady traffic there always are some.
   */
  async hooksStartedSettled(name?: string): Promise<void> {
    if (name === undefined) await Promise.all([...this.runningHooks.values()]);
    else await this.runningHooks.get(name);
  }

  /** Resolves once no afterCommit hook is running on any document, ones started while it waits included (shutdown). */
  async hooksSettled(): Promise<void> {
    while (this.runningHooks.size > 0) await Promise.all(this.runningHooks.values());
  }

  private afterCommit(doc: SyncedDoc, update: Uint8Array): void {
    const run = (): Promise<void> => this.runAfterCommit(doc, update);
    const before = this.runningHooks.get(doc.name);
    // With nothing running, the hooks start now: synchronous ones finish before the commit returns.
    const running = before ? before.then(run) : run();
    this.runningHooks.set(doc.name, running);
    void running.then(() => {
      if (this.runningHooks.get(doc.name) === running) this.runningHooks.delete(doc.name);
    });
  }

  /** Never rejects: a failing hook is logged and the next one runs. */
  private async runAfterCommit(doc: SyncedDoc, update: Uint8Array): Promise<void> {
    for (const hook of this.hooks) {
      try {
        const result = hook.afterCommit?.(doc, update);
        if (result !== undefined) await result;
      } catch (err: unknown) {
        this.log.error('afterCommit hook failed', { doc: doc.name, error: String(err) });
      }
    }
  }

  /** Tells every plug-in, in order; one that throws is logged and never stops the others or the caller. */
  private notify(what: keyof DocHooks, doc: SyncedDoc, call: (hook: DocHooks) => void): void {
    for (const hook of this.hooks) {
      try {
        call(hook);
      } catch (err: unknown) {
        this.log.error(`${what} hook failed`, { doc: doc.name, error: String(err) });
      }
    }
  }
}
