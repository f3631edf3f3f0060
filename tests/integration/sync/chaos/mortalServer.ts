import * as decoding from 'lib0/decoding';
import { parseDocName, type DocRef } from '../../../../shared/docNames';
import { decodeMux, encodeMux, MuxType, type MuxMessage } from '../../../../shared/protocol/muxMessages';
import type { RejectCode } from '../../../../shared/protocol/rejectCodes';
import { readSyncMessage, SyncStep, syncPayload } from '../../../../shared/protocol/syncPayload';
import type { Actor } from '../../../../shared/roles';
import { createLogger } from '../../../../sync-server/log';
import { DocStore, type ClientClaim, type WrittenAlong } from '../../../../sync-server/storage/docStore';
import { openSqliteAt, type SqliteAt } from '../../support/sqlStorage';
import { DocRegistry } from '../../../../sync-server/sync/docRegistry';
import type { Subscriber, SyncedDoc } from '../../../../sync-server/sync/syncedDoc';

/** Thrown by a store whose process was killed: nothing of that write, or anything later, reaches disk. */
export class Killed extends Error {
  constructor() {
    super('the server process was killed');
  }
}

/**
 * The real DocStore, as a process that can die at a chosen write: just before it (nothing of it
 * commits) or just after it committed (the caller never learns). Every SQLite write the sync core
 * makes goes through `append` or `compact`, each one transaction (a kill inside one is a kill before
 * it), so these are all the points where a kill -9 can split the work; what a kill leaves behind is
 * exactly what SQLite committed.
 */
class MortalStore extends DocStore {
  dead = false;
  /** Snapshots written (compaction points crossed) by this process. */
  compactions = 0;
  private fatal: { remaining: number; afterCommit: boolean } | null = null;

  /** The `nth` write from now (1-based) is the last thing this process does. */
  armKill(nth: number, afterCommit: boolean): void {
    this.fatal = { remaining: nth, afterCommit };
  }

  disarm(): void {
    this.fatal = null;
  }

  override append(doc: string, seq: number, update: Uint8Array, claims: readonly ClientClaim[] = [], along?: WrittenAlong): Promise<void> {
    return this.write(() => super.append(doc, seq, update, claims, along));
  }

  override compact(doc: string, seq: number, state: Uint8Array): Promise<void> {
    return this.write(async () => {
      await super.compact(doc, seq, state);
      this.compactions += 1;
    });
  }

  private async write(run: () => Promise<void>): Promise<void> {
    if (this.dead) throw new Killed();
    const fatal = this.fatal !== null && --this.fatal.remaining === 0 ? this.fatal : null;
    if (fatal && !fatal.afterCommit) this.dead = true;
    if (this.dead) throw new Killed();
    await run();
    if (fatal) {
      this.dead = true;
      throw new Killed();
    }
  }
}

/** One run of the server: its database handle, store and registry, until it is killed or shut down. */
export class ServerProcess {
  readonly store: MortalStore;
  readonly registry: DocRegistry;

  private constructor(
    private readonly storage: SqliteAt,
    compactEvery: number,
  ) {
    this.store = new MortalStore(storage.sql);
    // Idle unloading would run on timers between steps and make runs unrepeatable; restarts unload instead.
    this.registry = new DocRegistry(this.store, 3_600_000, createLogger('silent'), compactEvery);
  }

  static async start(dataDir: string, compactEvery: number): Promise<ServerProcess> {
    return new ServerProcess(await openSqliteAt(dataDir), compactEvery);
  }

  get dead(): boolean {
    return this.store.dead;
  }

  /** kill -9: no unload, no compaction; the handle is closed only so 1,000 runs do not run out of files. */
  async kill(): Promise<void> {
    this.store.dead = true;
    await this.storage.close();
  }

  /** A clean stop: every loaded document is compacted and dropped, as on SIGTERM. */
  async shutdown(): Promise<void> {
    if (!this.dead) await this.registry.closeAll();
    await this.kill();
  }
}

/**
 * The server's end of one device connection, answering frames the way sync-server/sync/muxConnection.ts
 * does (subscribe with step 1, step 2 back, step 1 when the device holds clocks the server lacks,
 * UPDATE committed then ACK or REJECT, step 2 committed without an answer), over an in-memory wire.
 * A dead process answers nothing.
 */
export class ServerConnection implements Subscriber {
  private readonly docs = new Map<string, SyncedDoc>();
  closed = false;

  constructor(
    readonly actor: Actor,
    private readonly server: ServerProcess,
    private readonly wire: (frame: Uint8Array) => void,
    private readonly clock: () => number,
  ) {}

  sendUpdate(doc: SyncedDoc, update: Uint8Array): void {
    this.send({ type: MuxType.SYNC, doc: doc.name, payload: syncPayload(SyncStep.UPDATE, update) });
  }

  sendAwareness(): void {}

  dropped(doc: SyncedDoc, code: RejectCode): void {
    this.docs.delete(doc.name);
    this.send({ type: MuxType.REFUSED, doc: doc.name, code, message: 'dropped' });
  }

  async receive(frame: Uint8Array): Promise<void> {
    if (this.closed || this.server.dead) return;
    const message = decodeMux(frame);
    if (message.type === MuxType.SYNC) {
      const doc = await this.subscribe(message.doc);
      if (!doc) return;
      const sync = readSyncMessage(decoding.createDecoder(message.payload));
      if (sync.step !== SyncStep.STEP1) {
        await this.commit(doc, 0, sync.update);
        return;
      }
      this.send({ type: MuxType.SYNC, doc: doc.name, payload: syncPayload(SyncStep.STEP2, doc.stateAsUpdate(sync.stateVector)) });
      if (doc.lacksWhatDeviceHas(sync.stateVector))
        this.send({ type: MuxType.SYNC, doc: doc.name, payload: syncPayload(SyncStep.STEP1, doc.stateVector()) });
    } else if (message.type === MuxType.UPDATE) {
      const doc = await this.subscribe(message.doc);
      if (doc) await this.commit(doc, message.seq, message.update);
    } else {
      throw new Error(`a device sent a frame of type ${message.type}`);
    }
  }

  /** The server notices the socket is gone. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const doc of this.docs.values()) {
      doc.removeSubscriber(this);
      if (!this.server.dead) this.server.registry.scheduleIdle(doc);
    }
    this.docs.clear();
  }

  private async subscribe(name: string): Promise<SyncedDoc | null> {
    const held = this.docs.get(name);
    if (held) return held;
    const ref: DocRef | null = parseDocName(name);
    if (!ref) throw new Error(`not a document name: ${name}`);
    const doc = await this.server.registry.acquire(ref);
    if (this.closed || this.server.dead) return null;
    doc.addSubscriber(this);
    this.docs.set(name, doc);
    this.server.registry.release(doc);
    return doc;
  }

  private async commit(doc: SyncedDoc, seq: number, update: Uint8Array): Promise<void> {
    const result = await doc.commitFrom(this, update, this.clock());
    if (this.server.dead) return;
    if (result.ok) {
      if (seq > 0) this.send({ type: MuxType.ACK, doc: doc.name, seq });
    } else {
      this.send({ type: MuxType.REJECT, doc: doc.name, seq, code: result.error.code, message: result.error.message });
    }
  }

  private send(message: MuxMessage): void {
    if (!this.closed && !this.server.dead) this.wire(encodeMux(message));
  }
}
