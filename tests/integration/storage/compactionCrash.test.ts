import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { orderDocName } from '../../../shared/docNames';
import { login, placeOrder, type Session } from '../support/api';
import { MuxTestClient } from '../support/muxClient';
import { storedEventIds, streamNotes } from '../support/noteStream';
import { freePort, spawnServer, tempDataDir, type ChildServer } from '../support/server';

const children: ChildServer[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.process.kill('SIGKILL');
});

async function kill(server: ChildServer): Promise<void> {
  server.process.kill('SIGKILL');
  await server.exited;
}

describe('compaction under kill -9', () => {
  it('keeps the update that triggers compaction: a document written past 500 updates three times loads whole after a crash', async () => {
    const dataDir = tempDataDir('compact');
    const port = await freePort();
    const first = await spawnServer(dataDir, port);
    children.push(first);
    const name = orderDocName((await placeOrder(first.url)).orderId);
    const outlet = await login(first.url, 'outlet');
    const device = await MuxTestClient.connect(first.url, outlet.token);
    await device.open(name);
    const stream = streamNotes(device, outlet, [name], { inFlight: 8, max: 1600 });
    for (let i = 0; i < 600 && stream.acked.size < 1600; i++) await new Promise((r) => setTimeout(r, 50));
    expect(stream.acked.size).toBe(1600);
    device.close();
    await kill(first);

    const second = await spawnServer(dataDir, port);
    children.push(second);
    const stored = await storedEventIds(second.url, [name]);
    expect([...stream.acked].filter((id) => !stored.has(id))).toEqual([]);
  });

  it('keeps every acknowledged update when the server is killed at random moments across many compaction points', async () => {
    // Compacting every 7 updates puts a compaction inside nearly every kill window: before, during and after.
    const env = { DABBA_ORDERS_PER_MINUTE: '1000', DABBA_COMPACT_EVERY: '7' };
    const dataDir = tempDataDir('compact-chaos');
    const port = await freePort();
    let server = await spawnServer(dataDir, port, env);
    children.push(server);
    const names = await Promise.all(Array.from({ length: 3 }, async () => orderDocName((await placeOrder(server.url)).orderId)));
    const killDelays = fc.sample(fc.integer({ min: 150, max: 900 }), {
      numRuns: 4,
      seed: Number(process.env.DABBA_TEST_SEED ?? Date.now() % 2 ** 31),
    });
    const acked = new Set<string>();
    for (const [round, delay] of killDelays.entries()) {
      const sessions: Session[] = await Promise.all([login(server.url, 'outlet'), login(server.url, 'admin')]);
      const streams = [];
      for (const [i, session] of [...sessions, sessions[0] as Session].entries()) {
        const device = await MuxTestClient.connect(server.url, session.token);
        for (const name of names) await device.open(name);
        streams.push({ device, stream: streamNotes(device, session, names, { inFlight: 3, offset: i }) });
      }
      await new Promise((r) => setTimeout(r, delay));
      await kill(server);
      for (const { device, stream } of streams) {
        await stream.stop();
        device.close();
        for (const id of stream.acked) acked.add(id);
      }
      server = await spawnServer(dataDir, port, env);
      children.push(server);
      const stored = await storedEventIds(server.url, names);
      const lost = [...acked].filter((id) => !stored.has(id));
      expect(lost, `round ${round}, killed after ${delay} ms (delays ${killDelays.join(',')})`).toEqual([]);
    }
    expect(acked.size).toBeGreaterThan(3 * 7 * 3);
  });
});
