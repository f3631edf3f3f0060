import { afterEach, describe, expect, it } from 'vitest';
import { orderDocName } from '../../../shared/docNames';
import { newEventId } from '../../../shared/ids';
import { eventsArray } from '../../../shared/order/orderDoc';
import { authorOf, login, placeOrder } from '../support/api';
import { MuxTestClient } from '../support/muxClient';
import { storedEventIds } from '../support/noteStream';
import { freePort, spawnServer, tempDataDir, type ChildServer } from '../support/server';
import { openServerStorage } from '../support/sqlStorage';

const children: ChildServer[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.process.kill('SIGKILL');
});

describe('a stored log with a gap', () => {
  it('still loads what it can, and the device that wrote the missing update fills the gap when it subscribes', async () => {
    const dataDir = tempDataDir('gap');
    const port = await freePort();
    const first = await spawnServer(dataDir, port);
    children.push(first);
    const name = orderDocName((await placeOrder(first.url)).orderId);
    const outlet = await login(first.url, 'outlet');
    const device = await MuxTestClient.connect(first.url, outlet.token);
    const local = await device.open(name);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const id = newEventId();
      ids.push(id);
      expect(
        (await device.change(name, (d) => eventsArray(d).push([{ id, type: 'note', at: Date.now(), by: authorOf(outlet), text: `n${i}` }])))
          .type,
      ).toBe(3);
    }
    device.close();
    first.process.kill('SIGKILL');
    await first.exited;

    // Storage loses the middle note: the last one depends on it and cannot be integrated.
    const storage = await openServerStorage(dataDir);
    const rows = await storage.db.selectFrom('doc_updates').select('seq').where('doc', '=', name).orderBy('seq', 'desc').limit(3).execute();
    const middle = rows[1]?.seq;
    if (middle === undefined) throw new Error(`${name} has fewer than 3 stored updates`);
    await storage.db.deleteFrom('doc_updates').where('doc', '=', name).where('seq', '=', middle).execute();
    await storage.close();

    const second = await spawnServer(dataDir, port);
    children.push(second);
    const partial = await storedEventIds(second.url, [name]);
    expect([ids[0], ids[1], ids[2]].map((id) => partial.has(id ?? ''))).toEqual([true, false, false]);
    const gaps = async (): Promise<unknown> =>
      ((await (await fetch(`${second.url}/healthz`)).json()) as { docsWithGaps?: unknown }).docsWithGaps;
    expect(await gaps()).toEqual([name]);

    const back = await MuxTestClient.connect(second.url, (await login(second.url, 'outlet')).token);
    back.adopt(name, local);
    await back.open(name);
    let now = new Set<string>();
    for (let tries = 0; tries < 50 && !ids.every((id) => now.has(id)); tries++) {
      await new Promise((r) => setTimeout(r, 100));
      now = await storedEventIds(second.url, [name]);
    }
    expect(
      ids.every((id) => now.has(id)),
      JSON.stringify(back.received.filter((m) => m.type !== 1)),
    ).toBe(true);
    expect(await gaps()).toEqual([]);
    back.close();

    second.process.kill('SIGKILL');
    await second.exited;
    const third = await spawnServer(dataDir, port);
    children.push(third);
    const repaired = await storedEventIds(third.url, [name]);
    expect(ids.every((id) => repaired.has(id))).toBe(true);
  });
});
