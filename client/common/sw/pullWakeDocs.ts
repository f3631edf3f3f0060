import * as Y from 'yjs';
import { pullResponseSchema, type PullRequest } from '../../../shared/api/pull';
import { parseDocName } from '../../../shared/docNames';
import type { DabbaDb, UpdateRow } from '../store/db';
import { projectOrderRow, writeChangedOrderRows } from '../store/orderRows';
import { loadSession } from '../store/sessionStore';
import { appendUpdate, updatesOfDocs } from '../store/updateLog';
import { base64ToBytes, bytesToBase64 } from './base64';

export type PullOutcome = { readonly ok: true; readonly stored: readonly string[] } | { readonly ok: false; readonly reason: string };

/**
 * Documents the apps read from this store. A tracking document is not one: the tracking page keeps
 * its last view in its own small cache and follows the order live when opened.
 */
export function storedDocs(names: readonly string[]): string[] {
  return names.filter((name) => {
    const kind = parseDocName(name)?.kind;
    return kind !== undefined && kind !== 'track';
  });
}

function byDoc(rows: readonly UpdateRow[]): Map<string, UpdateRow[]> {
  const grouped = new Map<string, UpdateRow[]>();
  for (const row of rows) grouped.set(row.docName, [...(grouped.get(row.docName) ?? []), row]);
  return grouped;
}

function replica(rows: readonly UpdateRow[]): Y.Doc {
  const doc = new Y.Doc();
  if (rows.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(rows.map((r) => r.update)));
  return doc;
}

/** Whether `update` adds anything to `doc`, applying it: a diff always repeats the delete set. */
function changes(doc: Y.Doc, update: Uint8Array): boolean {
  const seen = { changed: false };
  const note = (): void => {
    seen.changed = true;
  };
  doc.on('update', note);
  Y.applyUpdate(doc, update);
  doc.off('update', note);
  return seen.changed || doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
}

/**
 * What a push's service worker does before it shows the notification: asks `POST /api/sync/pull`
 * for the named documents against what this device's log already holds, appends what is new as
 * rows the server has (unsynced 0), and re-derives the order rows, so an app opened from the
 * notification shows the order with no network, exactly as if its socket had brought it.
 */
export async function pullWakeDocs(
  db: DabbaDb,
  names: readonly string[],
  init: { readonly signal?: AbortSignal } = {},
): Promise<PullOutcome> {
  const wanted = storedDocs(names);
  if (wanted.length === 0) return { ok: true, stored: [] };
  const session = await loadSession(db);
  if (!session) return { ok: false, reason: 'nobody is signed in on this device' };

  const held = byDoc(await updatesOfDocs(db, wanted));
  const request: PullRequest = {
    docs: wanted.map((name) => {
      const rows = held.get(name) ?? [];
      const stateVector = rows.length > 0 ? bytesToBase64(Y.encodeStateVectorFromUpdate(Y.mergeUpdates(rows.map((r) => r.update)))) : '';
      return { name, stateVector };
    }),
  };
  const response = await fetch('/api/sync/pull', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${session.token}` },
    body: JSON.stringify(request),
    ...(init.signal ? { signal: init.signal } : {}),
  });
  if (!response.ok) return { ok: false, reason: `the server answered ${response.status}` };
  const parsed = pullResponseSchema.safeParse(await response.json());
  if (!parsed.success) return { ok: false, reason: 'the server sent a pull this worker does not understand' };

  const pulled = new Map<string, Uint8Array>();
  for (const doc of parsed.data.docs) {
    if ('update' in doc && wanted.includes(doc.name)) pulled.set(doc.name, base64ToBytes(doc.update));
  }
  const stored = await db.transaction('rw', db.updates, db.orders, async () => {
    // Read again: the app may have written since the request went out.
    const current = byDoc(await updatesOfDocs(db, [...pulled.keys()]));
    const written: string[] = [];
    for (const [name, update] of pulled) {
      const rows = current.get(name) ?? [];
      const doc = replica(rows);
      if (changes(doc, update)) {
        await appendUpdate(db, name, update, false);
        written.push(name);
        if (parseDocName(name)?.kind === 'order') {
          const row = projectOrderRow(doc, rows.some((r) => r.unsynced === 1) ? 'local' : 'synced');
          if (row) await writeChangedOrderRows(db, [row]);
        }
      }
      doc.destroy();
    }
    return written;
  });
  return { ok: true, stored };
}
