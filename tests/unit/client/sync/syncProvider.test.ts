import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { orderDocName, outletInboxName } from '../../../../shared/docNames';
import type { OrderId } from '../../../../shared/ids';
import { INBOX_MAP } from '../../../../shared/inbox';
import { readOrder } from '../../../../shared/order/orderDoc';
import { runOrderAction } from '../../../../client/common/commands/orderCommands';
import { openDabbaDb, type DabbaDb } from '../../../../client/common/store/db';
import { listRefusals } from '../../../../client/common/store/refusals';
import { docUpdates } from '../../../../client/common/store/updateLog';
import { followInbox } from '../../../../client/common/sync/inboxFollower';
import { SyncProvider } from '../../../../client/common/sync/syncProvider';
import { OUTLET_ACTOR, OUTLET_ID } from '../../shared/order/fixtures';
import { FakeServer } from '../support/fakeServer';
import { ORDER_DOC, ORDER_ID, placedOrderDoc } from '../support/orderDocs';

let serial = 0;
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  vi.useRealTimers();
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function device(db: DabbaDb = openDabbaDb(`provider-test-${++serial}`)) {
  const server = new FakeServer();
  const provider = new SyncProvider({
    db,
    actor: OUTLET_ACTOR,
    url: () => 'ws://test/sync?token=t',
    connect: server.connect,
    random: () => 0,
  });
  cleanups.push(async () => {
    provider.stop();
    await provider.docs.settled();
  });
  const accept = () => runOrderAction({ actor: OUTLET_ACTOR, docs: provider.docs }, ORDER_ID, 'accept', { prepMinutes: 15 });
  const status = () => readOrder(provider.docs.get(ORDER_DOC) ?? new Y.Doc())?.state.status;
  return { db, server, provider, accept, status };
}

/** A connected device following the outlet's inbox, subscribed to it and nothing else yet. */
async function followingAnInbox() {
  const d = device();
  await d.provider.start();
  d.server.open();
  const inbox = outletInboxName(OUTLET_ID);
  followInbox(d.provider, inbox);
  await vi.waitFor(() => expect(d.server.subscriptions()).toEqual([inbox]));
  return { ...d, inbox };
}

/** A connected device holding the placed order, as the server sent it. */
async function onlineWithOrder() {
  const d = device();
  await d.provider.start();
  d.server.open();
  await d.provider.open(ORDER_DOC);
  d.server.relay(ORDER_DOC, Y.encodeStateAsUpdate(placedOrderDoc()));
  await d.provider.docs.settled();
  d.server.received = [];
  return d;
}

describe('SyncProvider', () => {
  it('stores what the server sends as synced rows', async () => {
    const { db, provider, status } = await onlineWithOrder();
    expect(status()).toBe('placed');
    const rows = await docUpdates(db, ORDER_DOC);
    expect(rows.map((r) => r.unsynced)).toEqual([0]);
    expect(provider.docs.syncState(ORDER_DOC)).toBe('synced');
  });

  it('saves a local change as an unsynced row first, then sends it with the row id as seq', async () => {
    const { db, server, provider, accept } = await onlineWithOrder();
    expect(accept().ok).toBe(true);
    await provider.docs.settled();
    const local = (await docUpdates(db, ORDER_DOC)).filter((r) => r.unsynced === 1);
    expect(local).toHaveLength(1);
    expect(server.updates()).toEqual([{ type: 2, doc: ORDER_DOC, seq: local[0]?.id, update: local[0]?.update }]);
    expect(provider.docs.syncState(ORDER_DOC)).toBe('local');
  });

  it('marks the row synced on ACK, and the document synced once nothing is pending', async () => {
    const { db, server, provider, accept } = await onlineWithOrder();
    const changes: string[] = [];
    provider.onDocChange((name) => changes.push(name));
    accept();
    await provider.docs.settled();
    const seq = server.updates()[0]?.seq ?? -1;
    server.ack(ORDER_DOC, seq);
    await provider.docs.settled();
    expect((await docUpdates(db, ORDER_DOC)).every((r) => r.unsynced === 0)).toBe(true);
    expect(provider.docs.syncState(ORDER_DOC)).toBe('synced');
    expect(changes.at(-1)).toBe(ORDER_DOC);
  });

  it('on REJECT drops the change, rebuilds the document without it, and keeps the refusal to show', async () => {
    const { db, server, provider, accept, status } = await onlineWithOrder();
    accept();
    await provider.docs.settled();
    expect(status()).toBe('accepted');
    server.reject(ORDER_DOC, server.updates()[0]?.seq ?? -1, 'event_not_allowed', 'The order was cancelled.');
    await vi.waitFor(async () => expect(await listRefusals(db)).toHaveLength(1));
    expect(status()).toBe('placed');
    expect((await docUpdates(db, ORDER_DOC)).map((r) => r.unsynced)).toEqual([0]);
    expect(provider.docs.syncState(ORDER_DOC)).toBe('synced');
    expect((await listRefusals(db))[0]).toMatchObject({
      docName: ORDER_DOC,
      code: 'event_not_allowed',
      message: 'The order was cancelled.',
    });
  });

  it('keeps a row the server could not store for now, and offers it again later', async () => {
    const { db, server, provider, accept } = await onlineWithOrder();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    accept();
    await provider.docs.settled();
    const seq = server.updates()[0]?.seq ?? -1;
    server.reject(ORDER_DOC, seq, 'storage_failed', 'disk busy');
    await provider.docs.settled();
    expect((await docUpdates(db, ORDER_DOC)).some((r) => r.id === seq && r.unsynced === 1)).toBe(true);
    await vi.advanceTimersByTimeAsync(3_000);
    await vi.waitFor(() => expect(server.updates().map((u) => u.seq)).toEqual([seq, seq]));
    expect(await listRefusals(db)).toEqual([]);
  });

  it('sends a change made offline once connected, after resubscribing every held document', async () => {
    const { server, provider, accept } = await onlineWithOrder();
    server.drop();
    accept();
    await provider.docs.settled();
    expect(server.updates()).toEqual([]);
    provider.retryNow();
    server.open();
    await vi.waitFor(() => expect(server.updates()).toHaveLength(1));
    const kinds = server.received.map((m) => (m.type === 2 ? 'update' : m.type === 0 ? `subscribe ${m.doc}` : String(m.type)));
    expect(kinds).toEqual([`subscribe ${ORDER_DOC}`, 'update']);
  });

  it('after a reload, still shows the change as only on this device and delivers it on connect', async () => {
    const first = await onlineWithOrder();
    first.server.drop();
    first.accept();
    await first.provider.docs.settled();
    first.provider.stop();

    const again = device(first.db);
    await again.provider.start();
    expect(again.status()).toBe('accepted');
    expect(again.provider.docs.syncState(ORDER_DOC)).toBe('local');
    again.server.open();
    await vi.waitFor(() => expect(again.server.updates()).toHaveLength(1));
    again.server.ack(ORDER_DOC, again.server.updates()[0]?.seq ?? -1);
    await vi.waitFor(() => expect(again.provider.docs.syncState(ORDER_DOC)).toBe('synced'));
  });

  it('answers a server that lost acknowledged changes with an UPDATE of what it lacks', async () => {
    const { server, provider } = await onlineWithOrder();
    server.askFor(ORDER_DOC, Y.encodeStateVector(new Y.Doc()));
    await vi.waitFor(() => expect(server.updates()).toHaveLength(1));
    const rebuilt = new Y.Doc();
    Y.applyUpdate(rebuilt, server.updates()[0]?.update ?? new Uint8Array());
    expect(readOrder(rebuilt)?.state.status).toBe('placed');
    expect(provider.docs.syncState(ORDER_DOC)).toBe('local');
  });

  it('does not answer for documents only the server writes', async () => {
    const { server, provider } = await onlineWithOrder();
    const inbox = outletInboxName(OUTLET_ID);
    await provider.open(inbox);
    server.relay(inbox, Y.encodeStateAsUpdate(inboxListing(ORDER_ID)));
    await provider.docs.settled();
    server.askFor(inbox, Y.encodeStateVector(new Y.Doc()));
    await provider.docs.settled();
    expect(server.updates()).toEqual([]);
  });

  it('stops subscribing a document the server refused for good, and records why', async () => {
    const { db, server, provider } = await onlineWithOrder();
    server.refuse(ORDER_DOC, 'forbidden', 'Not your outlet.');
    await vi.waitFor(async () => expect(await listRefusals(db)).toHaveLength(1));
    expect(provider.refusal(ORDER_DOC)).toEqual({ code: 'forbidden', message: 'Not your outlet.' });
    server.drop();
    provider.retryNow();
    server.open();
    await provider.docs.settled();
    expect(server.subscriptions()).not.toContain(ORDER_DOC);
  });

  it('following an inbox opens and subscribes every order it lists, including ones added later', async () => {
    const { server, inbox } = await followingAnInbox();
    const listing = inboxListing(ORDER_ID);
    server.relay(inbox, Y.encodeStateAsUpdate(listing));
    await vi.waitFor(() => expect(server.subscriptions()).toEqual([inbox, ORDER_DOC]));
    const before = Y.encodeStateVector(listing);
    listing.getMap(INBOX_MAP).set('order-2', { placedAt: 2 });
    server.relay(inbox, Y.encodeStateAsUpdate(listing, before));
    await vi.waitFor(() => expect(server.subscriptions()).toEqual([inbox, ORDER_DOC, orderDocName('order-2' as OrderId)]));
  });

  it('following an inbox asks again for an order the server refused before listing it, once per listing', async () => {
    const { server, provider, inbox } = await followingAnInbox();
    // Opened the moment it was taken, before the server let this user in.
    await provider.open(ORDER_DOC);
    server.refuse(ORDER_DOC, 'forbidden', 'This order is not yours to see.');
    await vi.waitFor(() => expect(provider.refusal(ORDER_DOC)?.code).toBe('forbidden'));

    const listing = inboxListing(ORDER_ID);
    server.relay(inbox, Y.encodeStateAsUpdate(listing));
    await vi.waitFor(() => expect(server.subscriptions()).toEqual([inbox, ORDER_DOC, ORDER_DOC]));
    expect(provider.refusal(ORDER_DOC)).toBeUndefined();

    // Refused again: it stands while the listing stays as it is, whatever else the inbox lists.
    server.refuse(ORDER_DOC, 'forbidden', 'This order is not yours to see.');
    await vi.waitFor(() => expect(provider.refusal(ORDER_DOC)?.code).toBe('forbidden'));
    const before = Y.encodeStateVector(listing);
    listing.getMap(INBOX_MAP).set('order-2', { placedAt: 2 });
    server.relay(inbox, Y.encodeStateAsUpdate(listing, before));
    await vi.waitFor(() => expect(server.subscriptions()).toContain(orderDocName('order-2' as OrderId)));
    expect(server.subscriptions().filter((name) => name === ORDER_DOC)).toHaveLength(2);
    expect(provider.refusal(ORDER_DOC)?.code).toBe('forbidden');
  });
});

function inboxListing(...orderIds: string[]): Y.Doc {
  const doc = new Y.Doc();
  for (const id of orderIds) doc.getMap(INBOX_MAP).set(id, { placedAt: 1 });
  return doc;
}
