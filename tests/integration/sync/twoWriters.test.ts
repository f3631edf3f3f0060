import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocRef } from '../../../shared/docNames';
import { createOrderDoc } from '../../../shared/order/orderDoc';
import type { Actor } from '../../../shared/roles';
import { DocStore } from '../../../sync-server/storage/docStore';
import { openSqlStorage, type SqlStorage } from '../../../sync-server/storage/sql/open';
import { DocRegistry } from '../../../sync-server/sync/docRegistry';
import type { SyncedDoc } from '../../../sync-server/sync/syncedDoc';
import { ADMIN_ACTOR, DRIVER1_ACTOR, header } from '../../unit/shared/order/fixtures';
import { contents, mark, RecordingDevice as Device } from '../support/recordingDevice';
import { silentLog, useTestStorage } from '../support/sqlStorage';

const HEADER = { ...header('pickup'), createdAt: Date.now() - 60_000 };
const REF: DocRef = { kind: 'order', orderId: HEADER.id };

// Several nodes share PostgreSQL; SQLite is the one-node embedded store (two processes on one file would
// wait on each other's locks synchronously), so this is PostgreSQL's.
describe('two server nodes writing one document through PostgreSQL', () => {
  const storage = useTestStorage('postgres');
  const extra: SqlStorage[] = [];
  afterEach(async () => {
    for (const s of extra.splice(0)) await s.close();
  });

  /** Another node: its own connection(s) to the same storage, its own registry and loaded documents. */
  async function node(): Promise<DocRegistry> {
    const opened = await openSqlStorage(storage().target, silentLog);
    extra.push(opened);
    return new DocRegistry(new DocStore(opened.db), 60_000, silentLog);
  }

  /** The order placed through `registry`, and a device holding it there. */
  async function placed(registry: DocRegistry, actor: Actor = ADMIN_ACTOR): Promise<{ doc: SyncedDoc; device: Device }> {
    const doc = await registry.acquire(REF);
    if (doc.orderView() === null) await doc.change((y) => createOrderDoc(y, HEADER));
    return { doc, device: joined(doc, actor) };
  }

  function joined(doc: SyncedDoc, actor: Actor = ADMIN_ACTOR): Device {
    const device = new Device(actor);
    Y.applyUpdate(device.doc, doc.stateAsUpdate());
    doc.addSubscriber(device);
    return device;
  }

  it('orders their writes by the database: the node that is behind catches up, then writes after', async () => {
    const [a, b] = [await node(), await node()];
    const { doc: onA, device } = await placed(a);
    const onB = await b.acquire(REF);

    expect(await onA.commitFrom(device, device.note('dosa'))).toEqual({ ok: true, value: undefined });
    await onB.change(mark('server'));
    // B did not know of the device's write: it read it from storage, then its own change went in after it.
    expect(contents(onB.ydoc)).toEqual({ notes: ['dosa'], marks: ['server'] });

    await onA.catchUp();
    expect(contents(onA.ydoc)).toEqual({ notes: ['dosa'], marks: ['server'] });
    expect(contents(device.doc)).toEqual({ notes: ['dosa'], marks: ['server'] });

    const fresh = await (await node()).acquire(REF);
    expect(contents(fresh.ydoc)).toEqual({ notes: ['dosa'], marks: ['server'] });
  });

  it('reads storage before answering a device that holds what another node stored', async () => {
    const [a, b] = [await node(), await node()];
    const { doc: onA, device: moving } = await placed(a);
    const onB = await b.acquire(REF);
    const watching = joined(onB, DRIVER1_ACTOR);
    expect(await onA.commitFrom(moving, moving.note('acknowledged on A'))).toEqual({ ok: true, value: undefined });
    expect(contents(watching.doc).notes).toEqual([]);

    // The device moves to B, whose copy is older than what A acknowledged to it.
    await onB.catchUpWith(Y.encodeStateVector(moving.doc));
    expect(contents(onB.ydoc).notes).toEqual(['acknowledged on A']);
    expect(contents(watching.doc).notes).toEqual(['acknowledged on A']);
  });

  it('loses nothing when both nodes write at once, many times, devices and server alike', async () => {
    const [a, b] = [await node(), await node()];
    const { doc: onA, device: deviceA } = await placed(a);
    const onB = await b.acquire(REF);
    const deviceB = joined(onB, DRIVER1_ACTOR);
    const writes: Promise<unknown>[] = [];
    const expected = { notes: [] as string[], marks: [] as string[] };
    for (let i = 0; i < 25; i++) {
      writes.push(onA.commitFrom(deviceA, deviceA.note(`a${i}`)));
      writes.push(onB.change(mark(`sb${i}`)));
      writes.push(onA.change(mark(`sa${i}`)));
      expected.notes.push(`a${i}`);
      expected.marks.push(`sa${i}`, `sb${i}`);
    }
    const results = await Promise.all(writes);
    for (const result of results) if (result !== undefined) expect(result).toEqual({ ok: true, value: undefined });
    await onA.catchUp();
    await onB.catchUp();
    expected.notes.sort();
    expected.marks.sort();
    expect(contents(onA.ydoc)).toEqual(expected);
    expect(contents(onB.ydoc)).toEqual(expected);
    expect(contents(deviceB.doc)).toEqual(expected);
    const fresh = await (await node()).acquire(REF);
    expect(contents(fresh.ydoc)).toEqual(expected);
  });

  it('compacts on one node while the other writes, and a later load still holds every write', async () => {
    const a = new DocRegistry(new DocStore(storage().db), 60_000, silentLog, 7);
    const b = await node();
    const { doc: onA } = await placed(a);
    const onB = await b.acquire(REF);
    const expected: string[] = [];
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 9; i++) {
        await onA.change(mark(`a${round}.${i}`));
        expected.push(`a${round}.${i}`);
      }
      await onB.change(mark(`b${round}`));
      expected.push(`b${round}`);
    }
    await onA.settled();
    const fresh = await (await node()).acquire(REF);
    expect(contents(fresh.ydoc).marks).toEqual(expected.sort());
  });
});
