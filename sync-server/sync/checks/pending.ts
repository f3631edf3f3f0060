import * as Y from 'yjs';

/** True when the transaction integrated anything: a struct (GC structs too) or a deletion. */
export function integratedAnything(tr: Y.Transaction): boolean {
  if (tr.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of tr.afterState) if (tr.beforeState.get(client) !== clock) return true;
  return false;
}

/** Structs and deletions a document holds but cannot integrate yet (a stored log with a gap). */
export interface Pending {
  readonly structs: ReadonlySet<string>;
  readonly ds: string | null;
}

export function pendingOf(doc: Y.Doc): Pending | null {
  const { pendingStructs, pendingDs } = doc.store;
  if (pendingStructs === null && pendingDs === null) return null;
  const structs = new Set<string>();
  // Yjs keeps pending structs in the v2 encoding, whatever encoding they arrived in.
  if (pendingStructs) {
    for (const s of Y.decodeUpdateV2(pendingStructs.update).structs)
      if (!(s instanceof Y.Skip)) structs.add(`${s.id.client}:${s.id.clock}`);
  }
  return { structs, ds: pendingDs ? Buffer.from(pendingDs).toString('base64') : null };
}

/** True when an update left something new waiting on changes the server does not have. */
export function pendingGrew(before: Pending | null, after: Pending | null): boolean {
  if (after === null) return false;
  if (after.ds !== null && after.ds !== before?.ds) return true;
  for (const key of after.structs) if (!before?.structs.has(key)) return true;
  return false;
}
