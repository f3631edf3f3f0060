import { afterEach, describe, expect, it } from 'vitest';
import { orderDocName } from '../../../shared/docNames';
import { newEventId, type UserId } from '../../../shared/ids';
import { eventsArray } from '../../../shared/order/orderDoc';
import { MuxType } from '../../../shared/protocol/muxMessages';
import { login, placeOrder, type Session } from '../support/api';
import { MuxTestClient } from '../support/muxClient';
import { freePort, spawnServer, tempDataDir, type ChildServer } from '../support/server';
import { storedEventIds } from '../support/storedEvents';

const children: ChildServer[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.process.kill('SIGKILL');
});

describe('durability', () => {
  it('keeps every acknowledged or relayed update after kill -9 during a stream from several devices', async () => {
    const dataDir = tempDataDir('crash');
    const port = await freePort();
    const first = await spawnServer(dataDir, port, { DABBA_ORDERS_PER_MINUTE: '1000' });
    children.push(first);
    const [outlet, admin] = await Promise.all([login(first.url, 'outlet'), login(first.url, 'admin')]);
    const names = await Promise.all(Array.from({ length: 5 }, async () => orderDocName((await placeOrder(first.url)).orderId)));

    const writers: [MuxTestClient, Session][] = [];
    for (const s of [outlet, outlet, admin]) writers.push([await MuxTestClient.connect(first.url, s.token), s]);
    const observer = await MuxTestClient.connect(first.url, admin.token);
    const relayed = new Set<string>();
    for (const name of names) {
      const doc = await observer.open(name);
      eventsArray(doc).observe((e) => {
        for (const item of e.changes.added) for (const v of item.content.getContent()) relayed.add((v as { id: string }).id);
      });
    }
    for (const [client] of writers) for (const name of names) await client.open(name);

    const acked = new Set<string>();
    let sent = 0;
    let streaming = true;
    const stream = async ([client, session]: [MuxTestClient, Session], w: number): Promise<void> => {
      for (let i = 0; streaming; i++) {
        const name = names[(i + w) % names.length] ?? names[0] ?? '';
        const id = newEventId();
        const answer = client.change(name, (d) =>
          eventsArray(d).push([
            { id, type: 'note', at: Date.now(), by: { id: session.user.id as UserId, role: session.user.role as 'outlet' }, text: `n${i}` },
          ]),
        );
        sent += 1;
        void answer.then((a) => {
          if (a.type === MuxType.ACK) acked.add(id);
        });
        if (i % 4 === 3) await answer; // a few updates in flight per device, like a busy tablet
      }
    };
    const streams = writers.map((w, i) => stream(w, i).catch(() => undefined));
    // Killed mid-stream once enough is ACKed to mean something: a count, not a time, so a busy machine
    // (PostgreSQL next to the SQLite pass) kills as far into the stream as an idle one.
    const deadline = Date.now() + 20_000;
    while (acked.size <= 150 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    first.process.kill('SIGKILL');
    await first.exited;
    streaming = false;
    for (const [client] of writers) client.close();
    observer.close();
    await Promise.race([Promise.all(streams), new Promise((r) => setTimeout(r, 1000))]);

    expect(acked.size).toBeGreaterThan(100);
    expect(sent).toBeGreaterThan(acked.size - 1);

    const second = await spawnServer(dataDir, port);
    children.push(second);
    const stored = await storedEventIds(second.url, names);
    const missingAcked = [...acked].filter((id) => !stored.has(id));
    const missingRelayed = [...relayed].filter((id) => !stored.has(id));
    expect(missingAcked).toEqual([]);
    expect(missingRelayed).toEqual([]);
  });
});
