import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocRef } from '../../../shared/docNames';
import { createOrderDoc } from '../../../shared/order/orderDoc';
import { createLogger } from '../../../sync-server/log';
import { DocStore } from '../../../sync-server/storage/docStore';
import { DocRegistry } from '../../../sync-server/sync/docRegistry';
import { ADMIN_ACTOR, header } from '../../unit/shared/order/fixtures';
import { RecordingDevice } from '../support/recordingDevice';
import { tempDataDir } from '../support/server';
import { openSqliteAt, type SqliteAt } from '../support/sqlStorage';

const HEADER = { ...header('pickup'), createdAt: Date.now() - 60_000 };
const REF: DocRef = { kind: 'order', orderId: HEADER.id };
const open: SqliteAt[] = [];
afterEach(async () => {
  for (const storage of open.splice(0)) await storage.close();
});

async function placedOrder() {
  const storage = await openSqliteAt(tempDataDir('empty-sync'));
  open.push(storage);
  const registry = new DocRegistry(new DocStore(storage.sql), 10_000, createLogger('silent'));
  const doc = await registry.acquire(REF);
  await doc.change((y) => createOrderDoc(y, HEADER));
  const device = new RecordingDevice(ADMIN_ACTOR);
  Y.applyUpdate(device.doc, doc.stateAsUpdate());
  doc.addSubscriber(device);
  return { doc, device };
}

describe("a device's half of the sync", () => {
  it('is answered without copying the document when it brings nothing, as every connecting device sends', async () => {
    const { doc, device } = await placedOrder();
    const copiesBefore = doc.scratchCopiesMade;
    const nothing = Y.encodeStateAsUpdate(device.doc, doc.stateVector());
    expect(Y.decodeUpdate(nothing).structs).toHaveLength(0);
    for (let i = 0; i < 5; i += 1) expect(await doc.commitFrom(device, nothing)).toEqual({ ok: true, value: undefined });
    expect(doc.scratchCopiesMade).toBe(copiesBefore);
    const seq = doc.stateVector();
    expect(await doc.commitFrom(device, device.note('after the sync'))).toEqual({ ok: true, value: undefined });
    expect(doc.stateVector()).not.toEqual(seq);
  });

  it('is still checked on a copy when it brings anything, a deletion alone included', async () => {
    const { doc, device } = await placedOrder();
    const copiesBefore = doc.scratchCopiesMade;
    const before = Y.encodeStateVector(device.doc);
    device.doc.getArray('events').delete(0, 1);
    const deletion = Y.encodeStateAsUpdate(device.doc, before);
    expect(Y.decodeUpdate(deletion).structs).toHaveLength(0);
    const result = await doc.commitFrom(device, deletion);
    expect(result.ok).toBe(false);
    expect(doc.scratchCopiesMade).toBe(copiesBefore + 1);
  });
});
