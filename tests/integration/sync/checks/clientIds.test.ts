import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { orderDocName } from '../../../../shared/docNames';
import { newEventId } from '../../../../shared/ids';
import { eventsArray } from '../../../../shared/order/orderDoc';
import { MuxType } from '../../../../shared/protocol/muxMessages';
import { authorOf, placeOrder, type Session } from '../../support/api';
import { craftUpdate, gcUpdate, nextClock, writerOf } from '../../support/craftedUpdates';
import { MuxTestClient } from '../../support/muxClient';
import { eventIdsIn } from '../../support/noteStream';
import { useTestServer } from '../../support/testServer';

const t = useTestServer();

type Answer = Awaited<ReturnType<MuxTestClient['change']>>;
const codeOf = (answer: Answer): string => (answer.type === MuxType.REJECT ? answer.code : 'ack');

async function orderWith(...sessions: Session[]): Promise<{ name: string; devices: { client: MuxTestClient; doc: Y.Doc }[] }> {
  const name = orderDocName((await placeOrder(t.url)).orderId);
  const devices = [];
  for (const s of sessions) {
    const client = await MuxTestClient.connect(t.url, s.token);
    devices.push({ client, doc: await client.open(name) });
  }
  return { name, devices };
}

const note = (s: Session) => ({ id: newEventId(), type: 'note', at: Date.now(), by: authorOf(s), text: 'hello' });

async function freshIds(name: string): Promise<Set<string>> {
  const reader = await MuxTestClient.connect(t.url, t.admin.token);
  try {
    return eventIdsIn(await reader.open(name));
  } finally {
    reader.close();
  }
}

describe('a device writes only under its own Yjs client ids', () => {
  it("refuses a GC struct that claims another device's next clocks, and that device's next change is still stored", async () => {
    const {
      name,
      devices: [victim, attacker],
    } = await orderWith(t.admin, t.outlet);
    if (!victim || !attacker) throw new Error('setup');
    const first = note(t.admin);
    expect(codeOf(await victim.client.change(name, (d) => eventsArray(d).push([first])))).toBe('ack');
    const client = victim.doc.clientID;
    expect(codeOf(await attacker.client.sendUpdate(name, gcUpdate(client, nextClock(victim.doc, client))))).toBe('foreign_client');
    const second = note(t.admin);
    expect(codeOf(await victim.client.change(name, (d) => eventsArray(d).push([second])))).toBe('ack');
    const stored = await freshIds(name);
    expect(stored.has(first.id) && stored.has(second.id)).toBe(true);
    victim.client.close();
    attacker.client.close();
  });

  it("refuses a GC struct under the server's client id", async () => {
    const {
      name,
      devices: [attacker],
    } = await orderWith(t.outlet);
    if (!attacker) throw new Error('setup');
    const server = writerOf(eventsArray(attacker.doc));
    expect(codeOf(await attacker.client.sendUpdate(name, gcUpdate(server, nextClock(attacker.doc, server))))).toBe('foreign_client');
    attacker.client.close();
  });

  it("stores a GC-only update under the device's own new client id, so the server holds what it acknowledged", async () => {
    const {
      name,
      devices: [device],
    } = await orderWith(t.outlet);
    if (!device) throw new Error('setup');
    const own = 0x5eed;
    expect(codeOf(await device.client.sendUpdate(name, gcUpdate(own, 0, 3)))).toBe('ack');
    const reader = await MuxTestClient.connect(t.url, t.admin.token);
    expect(nextClock(await reader.open(name), own)).toBe(3);
    reader.close();
    device.client.close();
  });

  it("refuses an update that skips clocks and keeps nothing of it: the same client's real first change is stored after", async () => {
    const {
      name,
      devices: [device],
    } = await orderWith(t.outlet);
    if (!device) throw new Error('setup');
    const own = device.doc.clientID;
    expect(codeOf(await device.client.sendUpdate(name, craftUpdate([{ client: own, clock: 5, kind: 'gc', length: 2 }])))).toBe(
      'missing_dependencies',
    );
    const real = note(t.outlet);
    expect(codeOf(await device.client.change(name, (d) => eventsArray(d).push([real])))).toBe('ack');
    expect((await freshIds(name)).has(real.id)).toBe(true);
    device.client.close();
  });

  it("refuses a skip followed by a GC struct under another device's client id", async () => {
    const {
      name,
      devices: [victim, attacker],
    } = await orderWith(t.admin, t.outlet);
    if (!victim || !attacker) throw new Error('setup');
    await victim.client.change(name, (d) => eventsArray(d).push([note(t.admin)]));
    const client = victim.doc.clientID;
    const clock = nextClock(victim.doc, client);
    const crafted = craftUpdate([
      { client, clock, kind: 'skip', length: 1 },
      { client: client + 1, clock: 0, kind: 'gc', length: 1 },
    ]);
    expect(['foreign_client', 'ack']).toContain(codeOf(await attacker.client.sendUpdate(name, crafted)));
    expect(codeOf(await attacker.client.sendUpdate(name, craftUpdate([{ client, clock, kind: 'gc', length: 1 }])))).toBe('foreign_client');
    victim.client.close();
    attacker.client.close();
  });

  it("refuses a hand-built delete set that removes the server's events, and one naming clocks the server does not have", async () => {
    const {
      name,
      devices: [attacker],
    } = await orderWith(t.outlet);
    if (!attacker) throw new Error('setup');
    const server = writerOf(eventsArray(attacker.doc));
    const upTo = nextClock(attacker.doc, server);
    expect(codeOf(await attacker.client.sendUpdate(name, craftUpdate([], [{ client: server, clock: 0, length: upTo }])))).not.toBe('ack');
    expect(codeOf(await attacker.client.sendUpdate(name, craftUpdate([], [{ client: server, clock: upTo + 100, length: 5 }])))).toBe(
      'missing_dependencies',
    );
    expect((await freshIds(name)).size).toBe(1);
    attacker.client.close();
  });
});
