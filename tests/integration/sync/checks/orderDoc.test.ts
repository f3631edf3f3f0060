import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { orderDocName } from '../../../../shared/docNames';
import { newEventId } from '../../../../shared/ids';
import { EVENTS_ARRAY, eventsArray, orderMap } from '../../../../shared/order/orderDoc';
import { MAX_EVENTS_PER_ORDER } from '../../../../shared/protocol/limits';
import { MuxType } from '../../../../shared/protocol/muxMessages';
import { authorOf, placeOrder, type Session } from '../../support/api';
import { itemUpdate } from '../../support/craftedUpdates';
import { MuxTestClient } from '../../support/muxClient';
import { eventIdsIn } from '../../support/noteStream';
import { eventually } from '../../support/stockClient';
import { useTestServer } from '../../support/testServer';

const t = useTestServer();

type Answer = Awaited<ReturnType<MuxTestClient['change']>>;
const codeOf = (answer: Answer): string => (answer.type === MuxType.REJECT ? answer.code : 'ack');
const note = (s: Session, at = Date.now()) => ({ id: newEventId(), type: 'note', at, by: authorOf(s), text: 'hello' });

async function openOrder(s: Session): Promise<{ name: string; client: MuxTestClient; doc: Y.Doc }> {
  const name = orderDocName((await placeOrder(t.url)).orderId);
  const client = await MuxTestClient.connect(t.url, s.token);
  return { name, client, doc: await client.open(name) };
}

/** An update from a device whose document names the events root as another kind of type. */
function asOtherType(write: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  write(doc);
  return Y.encodeStateAsUpdate(doc);
}

describe('the events root of an order', () => {
  it('refuses keyed entries, nested shared types, text and binary content, and relays none of it', async () => {
    const { name, client } = await openOrder(t.outlet);
    const watcher = await MuxTestClient.connect(t.url, t.admin.token);
    const watched = await watcher.open(name);
    const before = eventsArray(watched).length;
    const attempts: [string, Promise<Answer>][] = [
      [
        'keyed entry',
        client.sendUpdate(
          name,
          asOtherType((d) => d.getMap(EVENTS_ARRAY).set('x', note(t.outlet))),
        ),
      ],
      [
        'text',
        client.sendUpdate(
          name,
          asOtherType((d) => d.getText(EVENTS_ARRAY).insert(0, 'not an event')),
        ),
      ],
      ['nested map', client.propose(name, (d) => eventsArray(d).push([new Y.Map()]))],
      ['binary', client.propose(name, (d) => eventsArray(d).push([new Uint8Array([1, 2, 3])]))],
    ];
    for (const [what, answer] of attempts) expect(codeOf(await answer), what).toBe('event_invalid');
    expect(codeOf(await client.change(name, (d) => eventsArray(d).push([note(t.outlet)])))).toBe('ack');
    const fresh = await MuxTestClient.connect(t.url, t.admin.token);
    expect(eventsArray(await fresh.open(name)).length).toBe(before + 1);
    await eventually(() => eventsArray(watched).length === before + 1, 2000, 'the accepted note to be relayed');
    expect(eventsArray(watched)._map.size).toBe(0);
    for (const c of [client, watcher, fresh]) c.close();
  });

  it('refuses a hand-built entry placed after a header field with no deletion sent, which would replace the field', async () => {
    const { name, client, doc } = await openOrder(t.outlet);
    const field = orderMap(doc)._map.get('currency');
    if (!field) throw new Error('the order has no currency');
    const currency = orderMap(doc).get('currency');
    const attack = itemUpdate(424242, 0, field.lastId, null, [note(t.outlet)]);
    expect(codeOf(await client.sendUpdate(name, attack))).toBe('field_not_writable');
    const fresh = await MuxTestClient.connect(t.url, t.admin.token);
    const stored = await fresh.open(name);
    expect(orderMap(stored).get('currency')).toBe(currency);
    expect(stored.store.clients.has(424242)).toBe(false);
    for (const c of [client, fresh]) c.close();
  });

  it(`holds at most ${MAX_EVENTS_PER_ORDER} events and refuses every append past the cap with events_limit`, async () => {
    const { name, client, doc } = await openOrder(t.admin);
    const start = Date.now();
    const room = MAX_EVENTS_PER_ORDER - eventsArray(doc).length;
    const batch = (n: number, from: number) => Array.from({ length: n }, (_, i) => note(t.admin, from + i));
    expect(codeOf(await client.change(name, (d) => eventsArray(d).push(batch(room - 1, start))))).toBe('ack');
    expect(codeOf(await client.propose(name, (d) => eventsArray(d).push(batch(2, start + room))))).toBe('events_limit');
    expect(codeOf(await client.change(name, (d) => eventsArray(d).push(batch(1, start + room))))).toBe('ack');
    for (let i = 0; i < 3; i++) {
      expect(codeOf(await client.propose(name, (d) => eventsArray(d).push(batch(1, start + room + 1 + i))))).toBe('events_limit');
    }
    const fresh = await MuxTestClient.connect(t.url, t.admin.token);
    expect(eventIdsIn(await fresh.open(name)).size).toBe(MAX_EVENTS_PER_ORDER);
    for (const c of [client, fresh]) c.close();
  });
});

describe('event times on the server', () => {
  it('keeps a finished order finished: a backdated cancel is refused, and so is one that pretends not to have seen the hand-over', async () => {
    const { name, client, doc } = await openOrder(t.outlet);
    const stale = new Y.Doc();
    Y.applyUpdate(stale, Y.encodeStateAsUpdate(doc));
    const at = Date.now();
    const by = authorOf(t.outlet);
    for (const [i, e] of [{ type: 'accepted', prepMinutes: 10 }, { type: 'ready' }, { type: 'handed_over' }].entries()) {
      expect(codeOf(await client.change(name, (d) => eventsArray(d).push([{ ...e, id: newEventId(), at: at + i * 1000, by }])))).toBe(
        'ack',
      );
    }
    const cancel = (when: number) => ({ id: newEventId(), type: 'cancelled', at: when, by, reason: 'customer called' });
    expect(codeOf(await client.propose(name, (d) => eventsArray(d).push([cancel(at + 500)])))).toBe('backdated');
    const before = Y.encodeStateVector(stale);
    eventsArray(stale).push([cancel(at + 500)]);
    expect(codeOf(await client.sendUpdate(name, Y.encodeStateAsUpdate(stale, before)))).toBe('order_finished');
    expect(codeOf(await client.change(name, (d) => eventsArray(d).push([note(t.outlet, at + 3000)])))).toBe('ack');
    client.close();
  });

  it('refuses an event stamped before the order was placed', async () => {
    const { name, client } = await openOrder(t.outlet);
    const early = { id: newEventId(), type: 'rejected', at: Date.now() - 3_600_000, by: authorOf(t.outlet), reason: 'closed' };
    expect(codeOf(await client.propose(name, (d) => eventsArray(d).push([early])))).toBe('backdated');
    client.close();
  });
});
