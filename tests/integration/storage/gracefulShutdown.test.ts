import { afterEach, describe, expect, it } from 'vitest';
import { orderDocName } from '../../../shared/docNames';
import { newEventId, type UserId } from '../../../shared/ids';
import { eventsArray } from '../../../shared/order/orderDoc';
import { CloseCode } from '../../../shared/protocol/closeCodes';
import { MuxType } from '../../../shared/protocol/muxMessages';
import { login, placeOrder } from '../support/api';
import { MuxTestClient } from '../support/muxClient';
import { freePort, spawnServer, tempDataDir, type ChildServer } from '../support/server';

const children: ChildServer[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.process.kill('SIGKILL');
});

describe('graceful shutdown', () => {
  it('closes every socket with SHUTTING_DOWN on SIGTERM, exits 0 and keeps the data', async () => {
    const dataDir = tempDataDir('sigterm');
    const port = await freePort();
    const first = await spawnServer(dataDir, port);
    children.push(first);
    const outlet = await login(first.url, 'outlet');
    const name = orderDocName((await placeOrder(first.url)).orderId);
    const tablet = await MuxTestClient.connect(first.url, outlet.token);
    await tablet.subscribe(name);
    const id = newEventId();
    const answer = await tablet.change(name, (d) =>
      eventsArray(d).push([
        { id, type: 'accepted', at: Date.now(), by: { id: outlet.user.id as UserId, role: 'outlet' }, prepMinutes: 10 },
      ]),
    );
    expect(answer.type).toBe(MuxType.ACK);

    first.process.kill('SIGTERM');
    expect(await tablet.closed()).toBe(CloseCode.SHUTTING_DOWN);
    await first.exited;
    expect(first.process.exitCode).toBe(0);

    const second = await spawnServer(dataDir, port);
    children.push(second);
    const reader = await MuxTestClient.connect(second.url, outlet.token);
    const doc = await reader.open(name);
    expect(
      eventsArray(doc)
        .toArray()
        .map((e) => (e as { id: string }).id),
    ).toContain(id);
    reader.close();
  });
});
