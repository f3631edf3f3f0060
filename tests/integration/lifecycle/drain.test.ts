import { afterEach, describe, expect, it } from 'vitest';
import { orderDocName } from '../../../shared/docNames';
import { newEventId } from '../../../shared/ids';
import { eventsArray } from '../../../shared/order/orderDoc';
import { CloseCode } from '../../../shared/protocol/closeCodes';
import { MuxType } from '../../../shared/protocol/muxMessages';
import { authorOf, login, placeOrder, type Session } from '../support/api';
import { errorOf, getJson } from '../support/http';
import { MuxTestClient } from '../support/muxClient';
import { pollUntil } from '../support/poll';
import { freePort, spawnServer, tempDataDir, type ChildServer } from '../support/server';
import { storedEventIds } from '../support/storedEvents';

const children: ChildServer[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.process.kill('SIGKILL');
});

const NOTICE_MS = 2_000;
const TIMEOUT_MS = 10_000;

interface Health {
  readonly ok: boolean;
  readonly draining: boolean;
}

describe('draining a node on SIGTERM', () => {
  it('answers 503 draining while devices are still served, closes them with SHUTTING_DOWN, keeps every ACK and exits 0 in time', async () => {
    const dataDir = tempDataDir('drain');
    const port = await freePort();
    const drainEnv = { DABBA_DRAIN_NOTICE_MS: String(NOTICE_MS), DABBA_DRAIN_TIMEOUT_MS: String(TIMEOUT_MS) };
    const node = await spawnServer(dataDir, port, { ...drainEnv, DABBA_ORDERS_PER_MINUTE: '1000' });
    children.push(node);
    const [outlet, admin] = await Promise.all([login(node.url, 'outlet'), login(node.url, 'admin')]);
    const names = await Promise.all(Array.from({ length: 4 }, async () => orderDocName((await placeOrder(node.url)).orderId)));
    const devices: [MuxTestClient, Session][] = [];
    for (const s of [outlet, outlet, admin]) devices.push([await MuxTestClient.connect(node.url, s.token), s]);
    for (const [device] of devices) for (const name of names) await device.open(name);

    const acked = new Set<string>();
    let signalledAt = Number.POSITIVE_INFINITY;
    let ackedAfterSignal = 0;
    let streaming = true;
    const stream = async ([device, session]: [MuxTestClient, Session], d: number): Promise<void> => {
      for (let i = 0; streaming; i++) {
        const name = names[(i + d) % names.length] ?? '';
        const id = newEventId();
        const answer = device.change(name, (doc) =>
          eventsArray(doc).push([{ id, type: 'note', at: Date.now(), by: authorOf(session), text: `n${i}` }]),
        );
        void answer.then((a) => {
          if (a.type !== MuxType.ACK) return;
          acked.add(id);
          if (Date.now() > signalledAt) ackedAfterSignal += 1;
        });
        // A few updates in flight per device; an answer that never comes (the socket closed) ends the stream.
        if (i % 4 === 3) await answer;
      }
    };
    const streams = devices.map((device, d) => stream(device, d).catch(() => undefined));
    await pollUntil(
      () => Promise.resolve(acked.size),
      (n) => n >= 50,
      'the devices to have updates acknowledged',
    );

    signalledAt = Date.now();
    node.process.kill('SIGTERM');
    const health = await pollUntil(
      () => getJson<Health>(`${node.url}/healthz`),
      (res) => res.status === 503,
      'healthz to say the node is draining',
      NOTICE_MS,
    );
    expect(health.body).toMatchObject({ ok: false, draining: true });
    const request = await getJson(`${node.url}/api/outlets`);
    expect({ status: request.status, code: errorOf(request)?.code, connection: request.headers.get('connection') }).toEqual({
      status: 503,
      code: 'draining',
      connection: 'close',
    });
    await expect(MuxTestClient.connect(node.url, outlet.token)).rejects.toThrow(/503/);

    const codes = await Promise.all(devices.map(([device]) => device.closed()));
    expect(codes).toEqual(devices.map(() => CloseCode.SHUTTING_DOWN));
    await node.exited;
    const drainedInMs = Date.now() - signalledAt;
    expect(node.process.exitCode).toBe(0);
    expect(drainedInMs).toBeGreaterThanOrEqual(NOTICE_MS);
    expect(drainedInMs).toBeLessThan(TIMEOUT_MS);
    // The notice is for the load balancer: the devices already on the node were still served meanwhile.
    expect(ackedAfterSignal).toBeGreaterThan(0);
    streaming = false;
    await Promise.race([Promise.all(streams), new Promise((r) => setTimeout(r, 500))]);

    const restarted = await spawnServer(dataDir, port);
    children.push(restarted);
    const stored = await storedEventIds(restarted.url, names);
    expect([...acked].filter((id) => !stored.has(id))).toEqual([]);
  });
});
