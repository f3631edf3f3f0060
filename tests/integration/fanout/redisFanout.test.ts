import { afterEach, describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { DocRef } from '../../../shared/docNames';
import { createOrderDoc } from '../../../shared/order/orderDoc';
import type { Actor } from '../../../shared/roles';
import { singleNode, type Fanout } from '../../../sync-server/fanout/fanout';
import { RedisFanout } from '../../../sync-server/fanout/redisFanout';
import { DocStore } from '../../../sync-server/storage/docStore';
import { openSqlStorage } from '../../../sync-server/storage/sql/open';
import { readAwarenessUpdate } from '../../../sync-server/sync/awarenessGate';
import { DocRegistry } from '../../../sync-server/sync/docRegistry';
import type { SyncedDoc } from '../../../sync-server/sync/syncedDoc';
import { ADMIN_ACTOR, DRIVER1_ACTOR, header } from '../../unit/shared/order/fixtures';
import { pollUntil } from '../support/poll';
import { contents, mark, RecordingDevice } from '../support/recordingDevice';
import { SHARED_REDIS, useRedisPrefixes } from '../support/redisPrefixes';
import { RedisChild } from '../support/redisServer';
import { silentLog, useTestStorage } from '../support/sqlStorage';
import { TcpProxy } from '../support/tcpProxy';

const HEADER = { ...header('pickup'), createdAt: Date.now() - 60_000 };
const REF: DocRef = { kind: 'order', orderId: HEADER.id };

/** A presence state of a device whose awareness client id is `client`. */
function presence(client: number, state: Record<string, unknown>): Uint8Array {
  const ydoc = new Y.Doc();
  ydoc.clientID = client;
  const awareness = new awarenessProtocol.Awareness(ydoc);
  awareness.setLocalState(state);
  const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [client]);
  awareness.destroy();
  return update;
}

const presentClients = (device: RecordingDevice): number[] =>
  device.awareness.flatMap((u) => (readAwarenessUpdate(u) ?? []).filter((e) => e.json !== 'null').map((e) => e.clientID));

// Nodes share PostgreSQL for storage and Redis for fan-out, as several nodes in production do.
describe('fan-out between nodes through Redis', () => {
  const storage = useTestStorage('postgres');
  const prefix = useRedisPrefixes();
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const close of cleanup.splice(0).reverse()) await close();
  });

  /** A node: its own storage connection, registry and fan-out (Redis at `redisUrl`, or none). */
  async function node(fanout: Fanout): Promise<DocRegistry> {
    const opened = await openSqlStorage(storage().target, silentLog);
    const registry = new DocRegistry(new DocStore(opened.db), 60_000, silentLog, undefined, fanout);
    cleanup.push(async () => {
      await registry.closeAll();
      await fanout.close();
      await opened.close();
    });
    return registry;
  }

  function redisFanout(url: string, keyPrefix: string): RedisFanout {
    return new RedisFanout({ url, prefix: keyPrefix, log: silentLog });
  }

  async function holding(registry: DocRegistry, actor: Actor): Promise<{ doc: SyncedDoc; device: RecordingDevice }> {
    const doc = await registry.acquire(REF);
    if (doc.orderView() === null) await doc.change((y) => createOrderDoc(y, HEADER));
    const device = new RecordingDevice(actor);
    Y.applyUpdate(device.doc, doc.stateAsUpdate());
    doc.addSubscriber(device);
    return { doc, device };
  }

  const reaches = (device: RecordingDevice, expected: { notes: string[]; marks: string[] }, what: string) =>
    pollUntil(
      () => Promise.resolve(contents(device.doc)),
      (seen) => JSON.stringify(seen) === JSON.stringify(expected),
      what,
    );

  it("relays one node's commits to the devices on another, in order, as they are made", async () => {
    const keys = prefix();
    const [a, b] = [await node(redisFanout(SHARED_REDIS, keys)), await node(redisFanout(SHARED_REDIS, keys))];
    const onA = await holding(a, ADMIN_ACTOR);
    const onB = await holding(b, DRIVER1_ACTOR);
    await pollUntil(
      () => Promise.resolve(onB.doc.orderView()),
      (view) => view !== null,
      'B hears the order being created',
    );

    for (let i = 0; i < 20; i++) {
      expect((await onA.doc.commitFrom(onA.device, onA.device.note(`n${i}`))).ok).toBe(true);
      await onA.doc.change(mark(`m${i}`));
    }
    const expected = {
      notes: Array.from({ length: 20 }, (_, i) => `n${i}`).sort(),
      marks: Array.from({ length: 20 }, (_, i) => `m${i}`).sort(),
    };
    await reaches(onB.device, expected, "B's device has every write made on A");
    // B then writes on top of what it heard, with no stale write to recover from.
    expect((await onB.doc.commitFrom(onB.device, onB.device.note('from B'))).ok).toBe(true);
    await reaches(onA.device, { ...expected, notes: [...expected.notes, 'from B'].sort() }, "A's device has B's write");
  });

  it('runs the hooks of a commit (projections, wake-ups) on the node that stored it only', async () => {
    const keys = prefix();
    const [a, b] = [await node(redisFanout(SHARED_REDIS, keys)), await node(redisFanout(SHARED_REDIS, keys))];
    const hooked = { a: 0, b: 0 };
    a.use({ afterCommit: () => void (hooked.a += 1) });
    b.use({ afterCommit: () => void (hooked.b += 1) });
    const onA = await holding(a, ADMIN_ACTOR);
    const onB = await holding(b, DRIVER1_ACTOR);
    const before = { ...hooked };
    for (let i = 0; i < 3; i++) await onA.doc.change(mark(`m${i}`));
    await reaches(onB.device, { notes: [], marks: ['m0', 'm1', 'm2'] }, 'B relays what A stored');
    expect(hooked.a - before.a).toBe(3);
    expect(hooked.b - before.b).toBe(0);
  });

  it('carries presence to the other nodes; only the same user may take it over there', async () => {
    const keys = prefix();
    const [a, b] = [await node(redisFanout(SHARED_REDIS, keys)), await node(redisFanout(SHARED_REDIS, keys))];
    const onA = await holding(a, ADMIN_ACTOR);
    const onB = await holding(b, DRIVER1_ACTOR);
    await new Promise((r) => setTimeout(r, 100));

    expect(onA.doc.applyAwareness(onA.device, presence(4242, { name: 'admin' })).ok).toBe(true);
    await pollUntil(
      () => Promise.resolve(presentClients(onB.device)),
      (clients) => clients.includes(4242),
      "B's device sees the admin's presence",
    );
    // Another user on B cannot overwrite or remove the admin's presence...
    expect(onB.doc.applyAwareness(onB.device, presence(4242, { name: 'impostor' })).ok).toBe(false);
    // ...but the admin's device, moved to B, announces it there again.
    const moved = new RecordingDevice(ADMIN_ACTOR);
    onB.doc.addSubscriber(moved);
    expect(onB.doc.applyAwareness(moved, presence(4242, { name: 'admin', moved: true })).ok).toBe(true);
  });

  it('catches every loaded document up from storage when Redis comes back after a restart', async () => {
    const redis = await RedisChild.start();
    cleanup.push(() => redis.stop());
    const keys = prefix();
    const [a, b] = [await node(redisFanout(redis.url, keys)), await node(redisFanout(redis.url, keys))];
    // Writes while Redis is away come from a node that announces nothing: B can learn of them only by reading.
    const silent = await node(singleNode);
    const onA = await holding(a, ADMIN_ACTOR);
    const onB = await holding(b, DRIVER1_ACTOR);
    const onSilent = await holding(silent, ADMIN_ACTOR);
    await reaches(onB.device, { notes: [], marks: [] }, 'B holds the order');

    await redis.stop();
    for (let i = 0; i < 5; i++) {
      expect((await onSilent.doc.commitFrom(onSilent.device, onSilent.device.note(`while down ${i}`))).ok).toBe(true);
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(contents(onB.device.doc).notes).toEqual([]);

    await redis.restart();
    const expected = { notes: Array.from({ length: 5 }, (_, i) => `while down ${i}`), marks: [] };
    await reaches(onB.device, expected, "B's device has what was stored while Redis was down");
    await onA.doc.change(mark('after'));
    await reaches(onB.device, { ...expected, marks: ['after'] }, 'fan-out works again after the restart');
  });

  it('has a node cut off from Redis announce how far it got once back, so the others read what they missed', async () => {
    // Only A loses Redis: B stays subscribed throughout, so nothing but A's announcement tells B.
    const proxy = await TcpProxy.to(6379);
    cleanup.push(() => proxy.close());
    const keys = prefix();
    const a = await node(redisFanout(`redis://127.0.0.1:${proxy.port}`, keys));
    const b = await node(redisFanout(SHARED_REDIS, keys));
    const onA = await holding(a, ADMIN_ACTOR);
    const onB = await holding(b, DRIVER1_ACTOR);
    await reaches(onB.device, { notes: [], marks: [] }, 'B holds the order');

    proxy.cut();
    for (let i = 0; i < 3; i++) await onA.doc.change(mark(`cut ${i}`));
    await new Promise((r) => setTimeout(r, 300));
    expect(contents(onB.device.doc).marks).toEqual([]);
    proxy.restore();
    await reaches(onB.device, { notes: [], marks: ['cut 0', 'cut 1', 'cut 2'] }, 'B reads what A stored while cut off');
  });

  it('reads from storage what it missed when an announcement skips ahead', async () => {
    const a = await node(singleNode);
    const b = await node(singleNode);
    const onA = await holding(a, ADMIN_ACTOR);
    const onB = await holding(b, DRIVER1_ACTOR);
    const updates: Uint8Array[] = [];
    onA.doc.ydoc.on('update', (u: Uint8Array) => updates.push(u));
    await onA.doc.change(mark('first'));
    await onA.doc.change(mark('second'));
    const seq = await storage().db.selectFrom('doc_heads').select('seq').executeTakeFirstOrThrow();

    // Only the second is announced: B applies nothing out of order, it reads both from storage.
    await onB.doc.hear({ kind: 'update', seq: Number(seq.seq), update: updates[1] ?? new Uint8Array(), claims: [] });
    expect(contents(onB.device.doc).marks).toEqual(['first', 'second']);
    // An announcement of what B has already changes nothing.
    await onB.doc.hear({ kind: 'head', seq: Number(seq.seq) - 1 });
    expect(contents(onB.device.doc).marks).toEqual(['first', 'second']);
  });
});
