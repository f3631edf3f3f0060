import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { orderDocName } from '../../../shared/docNames';
import { MAX_AWARENESS_STATE_BYTES, MAX_AWARENESS_STATES_PER_SOCKET } from '../../../shared/protocol/limits';
import { MuxType } from '../../../shared/protocol/muxMessages';
import { readAwarenessUpdate } from '../../../sync-server/sync/awarenessGate';
import { placeOrder, type Session } from '../support/api';
import { MuxTestClient } from '../support/muxClient';
import { eventually } from '../support/stockClient';
import { useTestServer } from '../support/testServer';

const t = useTestServer();

interface Presence {
  readonly clientID: number;
  readonly clock: number;
  readonly state: unknown;
}

function awarenessUpdate(entries: readonly Presence[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const p of entries) {
    encoding.writeVarUint(e, p.clientID);
    encoding.writeVarUint(e, p.clock);
    encoding.writeVarString(e, JSON.stringify(p.state));
  }
  return encoding.toUint8Array(e);
}

/** Every presence state a client has received for `doc`, latest per client id. */
function presenceSeen(client: MuxTestClient, doc: string): Map<number, string> {
  const seen = new Map<number, string>();
  for (const m of client.received) {
    if (m.type !== MuxType.AWARENESS || m.doc !== doc) continue;
    for (const entry of readAwarenessUpdate(m.payload) ?? []) seen.set(entry.clientID, entry.json);
  }
  return seen;
}

async function holding(s: Session | null, doc: string): Promise<MuxTestClient> {
  const client = await MuxTestClient.connect(t.url, s?.token ?? null);
  await client.open(doc);
  return client;
}

const announce = (client: MuxTestClient, doc: string, entries: readonly Presence[]): void =>
  client.send({ type: MuxType.AWARENESS, doc, payload: awarenessUpdate(entries) });

describe('presence (awareness) on a document', () => {
  it('belongs to the connection that announced it: another cannot overwrite or remove it', async () => {
    const doc = orderDocName((await placeOrder(t.url)).orderId);
    const owner = await holding(t.admin, doc);
    const other = await holding(t.outlet, doc);
    announce(owner, doc, [{ clientID: 7001, clock: 1, state: { name: 'Admin' } }]);
    await eventually(() => presenceSeen(other, doc).get(7001) === '{"name":"Admin"}', 2000, "the owner's presence");
    announce(other, doc, [{ clientID: 7001, clock: 2, state: { name: 'Forged' } }]);
    announce(other, doc, [{ clientID: 7001, clock: 3, state: null }]);
    const late = await holding(t.admin, doc);
    await eventually(() => presenceSeen(late, doc).has(7001), 2000, 'the snapshot for a new subscriber');
    expect(presenceSeen(late, doc).get(7001)).toBe('{"name":"Admin"}');
    expect(presenceSeen(owner, doc).get(7001)).toBe('{"name":"Admin"}');
    for (const c of [owner, other, late]) c.close();
  });

  it(`keeps at most ${MAX_AWARENESS_STATES_PER_SOCKET} states per connection, each at most ${MAX_AWARENESS_STATE_BYTES} bytes`, async () => {
    const doc = orderDocName((await placeOrder(t.url)).orderId);
    const device = await holding(t.outlet, doc);
    const many = Array.from({ length: MAX_AWARENESS_STATES_PER_SOCKET + 1 }, (_, i) => ({ clientID: 8000 + i, clock: 1, state: { i } }));
    announce(device, doc, many);
    announce(device, doc, [{ clientID: 8100, clock: 1, state: { blob: 'x'.repeat(MAX_AWARENESS_STATE_BYTES) } }]);
    announce(device, doc, [{ clientID: 8200, clock: 1, state: { name: 'Tablet' } }]);
    const late = await holding(t.admin, doc);
    await eventually(() => presenceSeen(late, doc).has(8200), 2000, 'the accepted presence');
    expect([...presenceSeen(late, doc).keys()]).toEqual([8200]);
    for (const c of [device, late]) c.close();
  });

  it('never reaches a tracking page, whoever announces it on the tracking document', async () => {
    const { trackingUrl } = await placeOrder(t.url);
    const doc = `track:${trackingUrl.split('/').pop() ?? ''}`;
    const page = await holding(null, doc);
    const staff = await holding(t.admin, doc);
    announce(staff, doc, [{ clientID: 9001, clock: 1, state: { name: 'Admin', email: 'admin@dabba.local' } }]);
    announce(page, doc, [{ clientID: 9002, clock: 1, state: { name: 'Customer' } }]);
    const another = await holding(t.admin, doc);
    await new Promise((r) => setTimeout(r, 200));
    expect(presenceSeen(page, doc).size).toBe(0);
    expect(presenceSeen(another, doc).size).toBe(0);
    for (const c of [page, staff, another]) c.close();
  });
});
