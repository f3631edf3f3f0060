import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { orderDocName } from '../../../shared/docNames';
import { newEventId } from '../../../shared/ids';
import { appendEvent } from '../../../shared/order/orderDoc';
import { MuxType } from '../../../shared/protocol/muxMessages';
import { authorOf, login, placeOrder, type Session } from '../support/api';
import { MuxTestClient } from '../support/muxClient';
import { createTestDatabase, type TestDatabase } from '../support/postgres';
import { contents } from '../support/recordingDevice';
import { SHARED_REDIS, useRedisPrefixes } from '../support/redisPrefixes';
import { freePort, spawnServer, tempDataDir, type ChildServer } from '../support/server';
import { eventually } from '../support/stockClient';
import { TcpProxy } from '../support/tcpProxy';

const JWT_SECRET = 'three-nodes-test-secret-0123456789abcdef';

const notesOf = (doc: Y.Doc): string[] => contents(doc).notes;

/**
 * A device behind the load balancer, as the apps behave: it keeps its documents across connections,
 * and when its socket drops it connects again (to whichever node the balancer picks) and syncs, which
 * sends the server whatever it never acknowledged.
 */
class Device {
  private client: MuxTestClient | null = null;
  private dropped: Promise<null> = Promise.resolve(null);
  private readonly docs = new Map<string, Y.Doc>();
  readonly acked: string[] = [];
  reconnections = 0;

  constructor(
    readonly label: string,
    private readonly session: Session,
    private readonly url: () => string,
  ) {}

  async connect(names: readonly string[]): Promise<void> {
    for (;;) {
      try {
        const client = await MuxTestClient.connect(this.url(), this.session.token, { device: this.label });
        for (const name of names) {
          const held = this.docs.get(name);
          if (held) client.adopt(name, held);
          this.docs.set(name, await client.open(name));
        }
        this.client = client;
        this.dropped = client.closed().then(() => null);
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }

  /**
   * Writes a note; true once the server acknowledged it, false when the connection dropped first. The
   * note is written to the local document either way, as the apps do offline: the next sync delivers it.
   */
  async note(name: string, text: string): Promise<boolean> {
    const client = this.client;
    if (!client) throw new Error(`${this.label} writes before connecting`);
    const answer = client.change(name, (d) =>
      appendEvent(d, { id: newEventId(), type: 'note', at: Date.now(), by: authorOf(this.session), text }),
    );
    const result = await Promise.race([answer, this.dropped]);
    if (result?.type !== MuxType.ACK) return false;
    this.acked.push(text);
    return true;
  }

  /** Writes `count` notes spread over `names`, connecting again whenever the connection drops. */
  async stream(names: readonly string[], count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      const name = names[i % names.length] ?? '';
      if (!(await this.note(name, `${this.label} ${i}`))) {
        this.reconnections += 1;
        // Now held locally only; the sync after reconnecting delivers it, and the server acknowledges by relaying.
        this.client?.close();
        await this.connect(names);
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  notes(name: string): string[] {
    const doc = this.client?.docs.get(name);
    return doc ? notesOf(doc) : [];
  }

  close(): void {
    this.client?.close();
  }
}

describe('three nodes as processes behind a load balancer, on one PostgreSQL and one Redis', () => {
  const prefix = useRedisPrefixes();
  const nodes: ChildServer[] = [];
  let balancer: TcpProxy;
  let database: TestDatabase;
  let env: Record<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase();
    env = { DATABASE_URL: database.url, JWT_SECRET, REDIS_URL: SHARED_REDIS, DABBA_REDIS_PREFIX: prefix() };
    // One after another: the first seeds the demo outlet and accounts, the others find them.
    for (let i = 0; i < 3; i++) nodes.push(await spawnServer(tempDataDir(), await freePort(), { ...env, DABBA_NODE_ID: `node-${i}` }));
    balancer = await TcpProxy.over(nodes.map((n) => n.port));
  }, 120_000);

  afterAll(async () => {
    for (const node of nodes) node.process.kill('SIGKILL');
    await Promise.all(nodes.map((n) => n.exited));
    await balancer.close();
    await database.drop();
  });

  it('converges devices spread over the nodes; kill -9 of one loses no acknowledged update', async () => {
    const url = `http://127.0.0.1:${balancer.port}`;
    const names = await Promise.all([0, 1, 2].map(async () => orderDocName((await placeOrder(url)).orderId)));
    const [outlet, admin] = [await login(url, 'outlet'), await login(url, 'admin')];
    const devices = Array.from({ length: 6 }, (_, i) => new Device(`d${i}`, i % 2 === 0 ? outlet : admin, () => url));
    for (const device of devices) await device.connect(names);

    const streams = devices.map((d) => d.stream(names, 40));
    await eventually(() => devices.every((d) => d.acked.length >= 10), 30_000, 'every device has written for a while');
    const victim = nodes[1];
    if (!victim) throw new Error('no node to kill');
    victim.process.kill('SIGKILL');
    await victim.exited;
    await Promise.all(streams);

    expect(devices.reduce((n, d) => n + d.reconnections, 0)).toBeGreaterThan(0);
    const acked = devices.flatMap((d) => d.acked);
    // Every device sees every note, and so does a fresh reader on each surviving node.
    await eventually(
      () => names.every((name) => devices.every((d) => d.notes(name).length === devices.flatMap((x) => notesFor(x, name, names)).length)),
      20_000,
      'every device holds every note of every order',
    );
    for (const node of [nodes[0], nodes[2]]) {
      if (!node) continue;
      const reader = await MuxTestClient.connect(node.url, admin.token);
      const seen = new Set<string>();
      for (const name of names) for (const note of notesOf(await reader.open(name))) seen.add(note);
      reader.close();
      for (const note of acked) expect(seen, `${note} on ${node.url}`).toContain(note);
    }
  }, 120_000);
});

/** The notes `device` meant to write to `name` (every one it wrote, acknowledged or not, ends up there). */
function notesFor(device: Device, name: string, names: readonly string[]): string[] {
  const index = names.indexOf(name);
  return Array.from({ length: 40 }, (_, i) => i)
    .filter((i) => i % names.length === index)
    .map((i) => `${device.label} ${i}`);
}
