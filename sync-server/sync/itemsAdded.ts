import * as Y from 'yjs';

/**
 * The live entries `transaction` added to the list `type`: the same set as `YArrayEvent.changes.added`,
 * read from the structs the transaction added rather than by walking the whole list and building its
 * delta (what `changes` does, for every order event on every commit). Invariant relied on: a client's
 * structs from before the transaction end below its `beforeState` clock, so everything at or after it
 * is new.
 */
export function itemsAdded<T>(type: Y.Array<T>, transaction: Y.Transaction): Y.Item[] {
  const items: Y.Item[] = [];
  for (const [client, after] of transaction.afterState) {
    const before = transaction.beforeState.get(client) ?? 0;
    if (after <= before) continue;
    const structs = transaction.doc.store.clients.get(client);
    if (!structs) continue;
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i += 1) {
      const struct = structs[i];
      if (!struct || struct.id.clock >= after) break;
      if (struct instanceof Y.Item && struct.parent === type && struct.parentSub === null && !struct.deleted) items.push(struct);
    }
  }
  return items;
}
