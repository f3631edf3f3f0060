import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { OrderIdSchema } from '../../../../shared/ids';
import * as Y from 'yjs';
import { runOrderAction } from '../../../../client/common/commands/orderCommands';
import { openDabbaDb } from '../../../../client/common/store/db';
import { projectOrderRow } from '../../../../client/common/store/orderRows';
import { ensureOrderRowsCurrent, ORDER_PROJECTION_VERSION, rebuildOrderRows } from '../../../../client/common/store/rebuildOrderRows';
import { appendUpdate } from '../../../../client/common/store/updateLog';
import { OUTLET_ACTOR } from '../../shared/order/fixtures';
import { docsOf, ORDER_DOC, ORDER_ID, placedOrderDoc } from '../support/orderDocs';

let serial = 0;

/** A store whose log holds a placed order from the server and an unsynced local accept. */
async function storeWithOrder() {
  const db = openDabbaDb(`rebuild-test-${++serial}`);
  const doc = placedOrderDoc();
  await appendUpdate(db, ORDER_DOC, Y.encodeStateAsUpdate(doc), false);
  const before = Y.encodeStateVector(doc);
  runOrderAction({ actor: OUTLET_ACTOR, docs: docsOf({ [ORDER_DOC]: doc }) }, ORDER_ID, 'accept', { prepMinutes: 15 });
  await appendUpdate(db, ORDER_DOC, Y.encodeStateAsUpdate(doc, before), true);
  await appendUpdate(db, 'inbox:outlet:outlet-1', Y.encodeStateAsUpdate(new Y.Doc()), false);
  return { db, doc };
}

describe('rebuildOrderRows', () => {
  it('derives the orders table from the update log alone, with each order sync state', async () => {
    const { db, doc } = await storeWithOrder();
    expect(await rebuildOrderRows(db)).toBe(1);
    expect(await db.orders.toArray()).toEqual([projectOrderRow(doc, 'local')]);
  });

  it('drops rows that no document in the log backs', async () => {
    const { db, doc } = await storeWithOrder();
    const stray = projectOrderRow(doc, 'synced');
    if (!stray) throw new Error('no row');
    await db.orders.put({ ...stray, id: OrderIdSchema.parse('gone') });
    await rebuildOrderRows(db);
    expect((await db.orders.toArray()).map((r) => r.id)).toEqual([ORDER_ID]);
  });

  it('rebuilds on start only when the table was built by another projection version', async () => {
    const { db } = await storeWithOrder();
    await ensureOrderRowsCurrent(db);
    expect(await db.meta.get('orderProjection')).toEqual({ key: 'orderProjection', value: ORDER_PROJECTION_VERSION });
    await db.orders.clear();
    await ensureOrderRowsCurrent(db);
    expect(await db.orders.count()).toBe(0);
    await db.meta.put({ key: 'orderProjection', value: ORDER_PROJECTION_VERSION - 1 });
    await ensureOrderRowsCurrent(db);
    expect(await db.orders.count()).toBe(1);
  });
});
