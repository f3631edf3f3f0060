import * as Y from 'yjs';
import { missingOnServer, parseSyncPayload, subscribeFrame, updateFrame } from '../../../../client/common/sync/syncMessages';
import { TRANSIENT_CODES } from '../../../../client/common/sync/syncProvider';
import { parseDocName } from '../../../../shared/docNames';
import { writableRoots } from '../../../../shared/permissions';
import { decodeMux, MuxType } from '../../../../shared/protocol/muxMessages';
import type { RejectCode } from '../../../../shared/protocol/rejectCodes';
import type { Actor } from '../../../../shared/roles';

/** A row of the device's update log (client/common/store/updateLog.ts): unsynced until the server ACKs it. */
interface Row {
  readonly id: number;
  readonly doc: string;
  readonly update: Uint8Array;
  unsynced: boolean;
}

const LOCAL = Symbol('local');
const REMOTE = Symbol('remote');
const LOAD = Symbol('load');

/** What the server acknowledged to any device: content that must never be lost. */
export interface AckLedger {
  add(doc: string, update: Uint8Array): void;
}

/**
 * A device as the app behaves (client/common/sync/localDocs.ts and syncProvider.ts), without IndexedDB:
 * every change is a row first (a server change as the server sent it); local rows are sent and stay unsynced until ACKed; a REJECT with a
 * lasting code drops the row and rebuilds the document from the rows left (under a new Yjs client id,
 * as a fresh Y.Doc would get); transient refusals are offered again; the server's step 1 is answered
 * from synced rows only (missingOnServer); a (re)connect subscribes every document by state vector and
 * re-sends every unsynced row, oldest first. Synced rows are merged now and then, as the app compacts.
 */
export class ChaosDevice {
  readonly docs = new Map<string, Y.Doc>();
  private readonly rows = new Map<number, Row>();
  /** Every row this device ever sent, kept after a drop: an ACK may still arrive for a dropped row. */
  private readonly sent = new Map<number, Row>();
  private readonly handlers = new Map<string, (update: Uint8Array, origin: unknown) => void>();
  private readonly refusedTransiently = new Set<string>();
  readonly lastingRefusals: string[] = [];
  readonly rejects = new Map<RejectCode, number>();
  private nextRow = 1;
  private nextClient: number;
  /** Where frames go: the live connection, or nowhere while offline (the real socket drops them too). */
  wire: ((frame: Uint8Array) => void) | null = null;

  constructor(
    readonly label: string,
    readonly actor: Actor,
    docNames: readonly string[],
    private readonly ledger: AckLedger,
    private readonly compactAfter: number,
    clientBase: number,
  ) {
    this.nextClient = clientBase;
    for (const name of docNames) this.install(name);
  }

  /** A change made on this device, stored as an unsynced row and sent if online. */
  edit(docName: string, change: (doc: Y.Doc) => void): void {
    const doc = this.docs.get(docName);
    if (doc) doc.transact(() => change(doc), LOCAL);
  }

  /** What (re)connecting sends: a subscribe per held document, then every unsynced row. */
  resume(): void {
    for (const [name, doc] of this.docs) this.send(subscribeFrame(name, doc));
    this.refusedTransiently.clear();
    this.resendUnsynced();
  }

  /** The transient-refusal timer firing: unsynced rows and refused subscriptions are offered again. */
  retry(): void {
    for (const name of this.refusedTransiently) {
      const doc = this.docs.get(name);
      if (doc) this.send(subscribeFrame(name, doc));
    }
    this.refusedTransiently.clear();
    this.resendUnsynced();
  }

  get hasTransientRefusals(): boolean {
    return this.refusedTransiently.size > 0;
  }

  get unsyncedCount(): number {
    return [...this.rows.values()].filter((r) => r.unsynced).length;
  }

  receive(frame: Uint8Array): void {
    const message = decodeMux(frame);
    switch (message.type) {
      case MuxType.SYNC:
        return this.receiveSync(message.doc, message.payload);
      case MuxType.ACK:
        return this.acknowledge(message.seq);
      case MuxType.REJECT:
        return this.rejected(message.seq, message.code);
      case MuxType.REFUSED:
        if (TRANSIENT_CODES.has(message.code)) this.refusedTransiently.add(message.doc);
        else this.lastingRefusals.push(`${message.doc}: ${message.code}`);
        return;
      default:
        throw new Error(`the server sent a frame of type ${message.type}`);
    }
  }

  private receiveSync(docName: string, payload: Uint8Array): void {
    const doc = this.docs.get(docName);
    if (!doc) return;
    const sync = parseSyncPayload(payload);
    if (sync.kind !== 'step1') {
      this.applyRemote(docName, doc, sync.update);
      return;
    }
    const ref = parseDocName(docName);
    if (!ref || writableRoots(this.actor, ref).size === 0) return;
    const synced = this.rowsOf(docName)
      .filter((r) => !r.unsynced)
      .map((r) => r.update);
    const missing = missingOnServer(synced, sync.stateVector);
    if (missing) this.send(updateFrame(docName, this.store(docName, missing, true).id, missing));
  }

  /** Stores the server's change as sent, not the update event (see LocalDocs.applyRemote). */
  private applyRemote(docName: string, doc: Y.Doc, update: Uint8Array): void {
    const seen = { changed: false };
    const noteChange = (): void => {
      seen.changed = true;
    };
    doc.on('update', noteChange);
    Y.applyUpdate(doc, update, REMOTE);
    doc.off('update', noteChange);
    if (!seen.changed && doc.store.pendingStructs === null && doc.store.pendingDs === null) return;
    this.store(docName, update, false);
    this.compact(docName);
  }

  private acknowledge(seq: number): void {
    const row = this.sent.get(seq);
    if (row) this.ledger.add(row.doc, row.update);
    const live = this.rows.get(seq);
    if (!live?.unsynced) return;
    live.unsynced = false;
    this.compact(live.doc);
  }

  private rejected(seq: number, code: RejectCode): void {
    this.rejects.set(code, (this.rejects.get(code) ?? 0) + 1);
    if (TRANSIENT_CODES.has(code)) return;
    const row = this.rows.get(seq);
    if (!row) return;
    this.rows.delete(seq);
    this.install(row.doc);
  }

  /** Merges the synced rows of a document into one once there are `compactAfter` of them (store/compaction.ts). */
  private compact(docName: string): void {
    const synced = this.rowsOf(docName).filter((r) => !r.unsynced);
    if (synced.length < this.compactAfter) return;
    for (const r of synced) this.rows.delete(r.id);
    this.store(docName, Y.mergeUpdates(synced.map((r) => r.update)), false);
  }

  private resendUnsynced(): void {
    for (const row of [...this.rows.values()].filter((r) => r.unsynced).sort((a, b) => a.id - b.id)) {
      this.send(updateFrame(row.doc, row.id, row.update));
    }
  }

  private rowsOf(docName: string): Row[] {
    return [...this.rows.values()].filter((r) => r.doc === docName);
  }

  private store(docName: string, update: Uint8Array, unsynced: boolean): Row {
    const row: Row = { id: this.nextRow++, doc: docName, update, unsynced };
    this.rows.set(row.id, row);
    if (unsynced) this.sent.set(row.id, row);
    return row;
  }

  /** (Re)builds a document from its rows, as LocalDocs.install does after a load or a dropped row. */
  private install(docName: string): void {
    const previous = this.docs.get(docName);
    const handler = this.handlers.get(docName);
    if (previous && handler) previous.off('update', handler);
    previous?.destroy();
    const doc = new Y.Doc();
    // Set, not random, so a failing run replays with the same Yjs client ids.
    doc.clientID = this.nextClient++;
    const rows = this.rowsOf(docName);
    if (rows.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(rows.map((r) => r.update)), LOAD);
    const onUpdate = (update: Uint8Array, origin: unknown): void => {
      if (origin !== LOCAL) return;
      this.send(updateFrame(docName, this.store(docName, update, true).id, update));
    };
    doc.on('update', onUpdate);
    this.docs.set(docName, doc);
    this.handlers.set(docName, onUpdate);
  }

  private send(frame: Uint8Array): void {
    this.wire?.(frame);
  }
}
