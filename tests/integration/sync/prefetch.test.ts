import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { orderDocName } from '../../../shared/docNames';
import { newEventId, type UserId } from '../../../shared/ids';
import { eventsArray } from '../../../shared/order/orderDoc';
import { MuxType, type MuxMessage } from '../../../shared/protocol/muxMessages';
import { readSyncMessage, SyncStep } from '../../../shared/protocol/syncPayload';
import { authorOf, placeOrder, type Session } from '../support/api';
import { MuxTestClient } from '../support/muxClient';
import { pollUntil } from '../support/poll';
import { parseSamples, sampleSum } from '../support/prometheus';
import { SHARED_REDIS, useRedisPrefixes } from '../support/redisPrefixes';
import { DELIVERY } from '../support/refusals';
import { eventually } from '../support/stockClient';
import { useTestServer } from '../support/testServer';

// Documents unload 200 ms after nobody holds them, so every burst below meets them cold (not in memory). With
// fan-out on, loading one is a Redis SUBSCRIBE and a storage read, as on a node of a cluster: real round trips.
const t = useTestServer({
  DABBA_DOC_IDLE_MS: '200',
  DABBA_ORDERS_PER_MINUTE: '1000',
  // The outlet watch loads the outlet's documents every 15 s by default: here the documents loaded are the tests' only.
  DABBA_OUTLET_WATCH_MS: '3600000',
  REDIS_URL: SHARED_REDIS,
  DABBA_REDIS_PREFIX: useRedisPrefixes()(),
});

const devices: MuxTestClient[] = [];
afterEach(() => {
  for (const device of devices.splice(0)) device.ws.terminate();
});

/** A signed-in device on a new socket, closed after the test whatever happens. */
async function connect(s: Session): Promise<MuxTestClient> {
  const device = await MuxTestClient.connect(t.url, s.token);
  devices.push(device);
  return device;
}

const note = (s: Session) => ({ id: newEventId(), type: 'note', at: Date.now(), by: authorOf(s), text: 'back online' });

async function deliveryOrders(count: number): Promise<string[]> {
  const placed = await Promise.all(Array.from({ length: count }, () => placeOrder(t.url, DELIVERY)));
  await t.server.hooksSettled();
  return placed.map((o) => orderDocName(o.orderId));
}

/** A gauge of the server's, read from its /metrics as a scraper would. */
async function gauge(name: 'dabba_documents_loaded' | 'dabba_sync_sockets'): Promise<number> {
  const res = await fetch(`${t.url}/metrics`);
  const text = await res.text();
  const samples = parseSamples(text).filter((sample) => sample.name === name);
  if (!res.ok || samples.length !== 1) throw new Error(`GET /metrics: ${res.status} ${text.slice(0, 200)}`);
  return sampleSum(samples, name);
}

const documentsLoaded = () => gauge('dabba_documents_loaded');
const everyDocumentUnloaded = (what: string) => pollUntil(documentsLoaded, (n) => n === 0, what);

/** What `s`'s device holds of each document after syncing it once, as a device that then went offline. */
async function heldCopies(s: Session, names: readonly string[]): Promise<Map<string, Y.Doc>> {
  const earlier = await connect(s);
  await Promise.all(names.map((name) => earlier.open(name)));
  earlier.close();
  return earlier.docs;
}

/** The device back online: a new socket starting from the copies it held. */
async function backOnline(s: Session, held: ReadonlyMap<string, Y.Doc>): Promise<MuxTestClient> {
  const device = await connect(s);
  for (const [name, doc] of held) device.adopt(name, doc);
  return device;
}

/** The server's answers to the device's messages, in the order they came; relayed updates and presence left out. */
function answers(received: readonly MuxMessage[]): string[] {
  return received.flatMap((m) => {
    if (m.type === MuxType.SYNC)
      return readSyncMessage(decoding.createDecoder(m.payload)).step === SyncStep.STEP2 ? [`step2 ${m.doc}`] : [];
    if (m.type === MuxType.ACK) return [`ack ${m.doc}`];
    if (m.type === MuxType.REJECT) return [`reject ${m.doc} ${m.code}`];
    if (m.type === MuxType.REFUSED) return [`refused ${m.doc} ${m.code}`];
    return [];
  });
}

async function answered(device: MuxTestClient, expected: readonly string[]): Promise<string[]> {
  await eventually(() => answers(device.received).length >= expected.length, 30_000, `${expected.length} answers`);
  return answers(device.received);
}

describe('a device sending a step1 for every document it holds at once, as it does back online', () => {
  it('answers step1s and updates across many cold documents in the order they arrived', async () => {
    const names = await deliveryOrders(24);
    const held = await heldCopies(t.outlet, names);
    await everyDocumentUnloaded('the orders to unload before the device comes back');
    const tablet = await backOnline(t.outlet, held);
    const expected: string[] = [];
    const write = (name: string): void => {
      void tablet.change(name, (d) => eventsArray(d).push([note(t.outlet)]));
      expected.push(`ack ${name}`);
    };
    // Every document gets one update: half right behind their own step1, half behind the next document's.
    names.forEach((name, i) => {
      void tablet.subscribe(name);
      expected.push(`step2 ${name}`);
      if (i % 2 === 0) write(name);
      const previous = names[i - 1];
      if (i % 2 === 0 && previous !== undefined) write(previous);
    });
    const last = names.at(-1);
    if (last !== undefined && names.length % 2 === 0) write(last);
    expect(await answered(tablet, expected)).toEqual(expected);
    tablet.close();
  });

  it('refuses a forbidden document in the burst and still answers the others, in order', async () => {
    const assigned = await deliveryOrders(6);
    const desk = await connect(t.admin);
    for (const name of assigned) {
      await desk.open(name);
      const answer = await desk.change(name, (d) =>
        eventsArray(d).push([
          { id: newEventId(), type: 'assigned', at: Date.now(), by: authorOf(t.admin), driverId: t.driver.user.id as UserId },
        ]),
      );
      expect(answer.type).toBe(MuxType.ACK);
    }
    desk.close();
    const [forbidden] = await deliveryOrders(1);
    if (forbidden === undefined) throw new Error('no order placed');
    const held = await heldCopies(t.driver, assigned);
    await everyDocumentUnloaded('the orders to unload before the driver comes back');

    const phone = await backOnline(t.driver, held);
    const expected: string[] = [];
    assigned.forEach((name, i) => {
      void phone.subscribe(name);
      expected.push(`step2 ${name}`);
      if (i !== 2) return;
      void phone.subscribe(forbidden);
      void phone.sendUpdate(forbidden, new Uint8Array([0, 0]));
      void phone.change(name, (d) => eventsArray(d).push([note(t.driver)]));
      // The update subscribes again, as an update for a document not held does, and is refused for the same reason.
      expected.push(`refused ${forbidden} forbidden`, `refused ${forbidden} forbidden`, `reject ${forbidden} forbidden`, `ack ${name}`);
    });
    expect(await answered(phone, expected)).toEqual(expected);
    expect(phone.closeCode).toBeNull();
    phone.close();
  });

  it('never loads a document the device may not open, not even ahead of its turn', async () => {
    const names = await deliveryOrders(8);
    await everyDocumentUnloaded('the new orders to unload');
    const phone = await connect(t.driver);
    for (const name of names) void phone.subscribe(name);
    const refusals = names.map((name) => `refused ${name} forbidden`);
    expect(await answered(phone, refusals)).toEqual(refusals);
    // A document loaded for the refused subscriptions would stay in memory for the 200 ms idle time after them.
    expect(await documentsLoaded()).toBe(0);
    phone.close();
  });

  it('leaves no document held when the socket closes mid-burst: every one unloads once idle', async () => {
    const names = await deliveryOrders(40);
    const held = await heldCopies(t.outlet, names);
    await everyDocumentUnloaded('the orders to unload before the device comes back');
    const tablet = await backOnline(t.outlet, held);
    for (const name of names) void tablet.subscribe(name);
    // Gone right behind the burst, as a phone losing its signal: the server reads every step1, then the end of the
    // connection, while it is still loading the documents.
    tablet.ws.terminate();
    // The server has handled the end of the connection (and so every step1 before it) once it counts no socket.
    await pollUntil(
      () => gauge('dabba_sync_sockets'),
      (n) => n === 0,
      'the server to see the socket closed',
    );
    await everyDocumentUnloaded('every document loaded for the closed socket to unload');
  });
});
