import type { Db } from './db';

/** Who writes under a Yjs client id: a user id, or the server itself. */
export type ClientOwner = string;
export const SERVER_OWNER: ClientOwner = '@server';

export interface ClientClaim {
  readonly client: number;
  readonly owner: ClientOwner;
}

export interface StoredDoc {
  readonly snapshot: Uint8Array | null;
  readonly updates: readonly Uint8Array[];
  /** Highest seq stored for the doc (snapshot or log), 0 when the doc has never been written. */
  readonly lastSeq: number;
  readonly owners: ReadonlyMap<number, ClientOwner>;
}

/**
 * Durable Yjs state per document: a snapshot plus an append-only log of the updates since.
 * Every method is a synchronous SQLite transaction: when `append` returns, the update is committed.
 */
export class DocStore {
  private readonly stmts;

  constructor(private readonly db: Db) {
    this.stmts = {
      insert: db.prepare<[string, number, Uint8Array]>('INSERT INTO doc_updates (doc, seq, data) VALUES (?, ?, ?)'),
      snapshot: db.prepare<[string], { seq: number; data: Buffer }>('SELECT seq, data FROM doc_snapshots WHERE doc = ?'),
      updates: db.prepare<[string, number], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM doc_updates WHERE doc = ? AND seq > ? ORDER BY seq',
      ),
      upsertSnapshot: db.prepare<[string, number, Uint8Array, number]>(
        'INSERT INTO doc_snapshots (doc, seq, data, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (doc) DO UPDATE SET seq = excluded.seq, data = excluded.data, updated_at = excluded.updated_at',
      ),
      deleteUpTo: db.prepare<[string, number]>('DELETE FROM doc_updates WHERE doc = ? AND seq <= ?'),
      owners: db.prepare<[string], { client: number; owner: string }>('SELECT client, owner FROM doc_clients WHERE doc = ?'),
      claim: db.prepare<[string, number, string]>('INSERT INTO doc_clients (doc, client, owner) VALUES (?, ?, ?)'),
    };
  }

  load(doc: string): StoredDoc {
    return this.db.transaction((): StoredDoc => {
      const snap = this.stmts.snapshot.get(doc);
      const rows = this.stmts.updates.all(doc, snap?.seq ?? 0);
      const lastSeq = Math.max(snap?.seq ?? 0, rows.at(-1)?.seq ?? 0);
      const owners = new Map(this.stmts.owners.all(doc).map((r) => [r.client, r.owner] as const));
      return { snapshot: snap ? new Uint8Array(snap.data) : null, updates: rows.map((r) => new Uint8Array(r.data)), lastSeq, owners };
    })();
  }

  /** Appends an update and records the client ids it claims, in one transaction. */
  append(doc: string, seq: number, update: Uint8Array, claims: readonly ClientClaim[] = []): void {
    if (claims.length === 0) {
      this.stmts.insert.run(doc, seq, update);
      return;
    }
    this.db.transaction(() => {
      this.stmts.insert.run(doc, seq, update);
      for (const c of claims) this.stmts.claim.run(doc, c.client, c.owner);
    })();
  }

  /** Replaces the log up to `seq` by `state` (the merged document at seq), in one transaction. */
  compact(doc: string, seq: number, state: Uint8Array): void {
    this.db.transaction(() => {
      this.stmts.upsertSnapshot.run(doc, seq, state, Date.now());
      this.stmts.deleteUpTo.run(doc, seq);
    })();
  }
}
