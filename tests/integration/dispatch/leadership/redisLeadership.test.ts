import type { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import type { Campaign, Term } from '../../../../sync-server/dispatch/leadership/leadership';
import { leaseTiming, RedisLeadership } from '../../../../sync-server/dispatch/leadership/redisLeadership';
import { leaseKeys, RedisLease } from '../../../../sync-server/dispatch/leadership/redisLease';
import { connectRedis, whenReady } from '../../../../sync-server/redis/redisConnection';
import { DispatchFence } from '../../../../sync-server/storage/dispatchFence';
import { pollUntil } from '../../support/poll';
import { useRedisPrefixes } from '../../support/redisPrefixes';
import { silentLog, useTestStorage } from '../../support/sqlStorage';
import { TcpProxy } from '../../support/tcpProxy';

const prefix = useRedisPrefixes();
const LEASE_MS = 600;
const timing = leaseTiming(LEASE_MS);

/** A node's campaign that notes when it was elected and deposed, and in which term. */
class Node implements Campaign {
  readonly events: { readonly kind: 'elected' | 'deposed'; readonly fence: number | null; readonly at: number }[] = [];
  /** The terms it was elected in, as leadership gave them. */
  readonly terms: Term[] = [];
  constructor(
    readonly name: string,
    readonly leadership: RedisLeadership,
  ) {}
  elected(term: Term): Promise<void> {
    this.events.push({ kind: 'elected', fence: term.fence, at: performance.now() });
    this.terms.push(term);
    return Promise.resolve();
  }
  deposed(term: Term): Promise<void> {
    this.events.push({ kind: 'deposed', fence: term.fence, at: performance.now() });
    return Promise.resolve();
  }
  get leading(): boolean {
    return this.events.at(-1)?.kind === 'elected';
  }
  last(kind: 'elected' | 'deposed'): { readonly fence: number | null; readonly at: number } {
    const event = this.events.findLast((e) => e.kind === kind);
    if (!event) throw new Error(`${this.name} was never ${kind}`);
    return event;
  }
}

describe('dispatch leadership by a Redis lease', () => {
  const storage = useTestStorage('postgres');
  const connections: Redis[] = [];
  const proxies: TcpProxy[] = [];
  const nodes: Node[] = [];
  afterEach(async () => {
    for (const node of nodes.splice(0)) await node.leadership.close();
    for (const redis of connections.splice(0)) redis.disconnect();
    for (const proxy of proxies.splice(0)) await proxy.close();
  });

  /** Nodes campaigning for one lease; each on its own connection (through `proxy` when given). */
  function nodesOn(keys: string, names: readonly string[], proxy?: TcpProxy): Node[] {
    return names.map((name) => {
      const redis = connectRedis(proxy ? `redis://127.0.0.1:${proxy.port}` : 'redis://127.0.0.1:6379');
      connections.push(redis);
      const lease = new RedisLease(redis, leaseKeys(keys), `${name}/1`, LEASE_MS);
      const node = new Node(name, new RedisLeadership({ lease, fences: new DispatchFence(storage().db), timing, log: silentLog }));
      nodes.push(node);
      return node;
    });
  }

  const leaders = (all: readonly Node[]) => all.filter((n) => n.leading).map((n) => n.name);
  const started = async (all: readonly Node[]) => {
    await Promise.all(connections.map(whenReady));
    for (const node of all) await node.leadership.start(node);
  };

  it('elects exactly one of three nodes, and when it closes another leads at once, in a term with a higher fence', async () => {
    const all = nodesOn(prefix(), ['a', 'b', 'c']);
    await started(all);
    await pollUntil(
      () => Promise.resolve(leaders(all)),
      (l) => l.length === 1,
      'one leader',
    );
    // Several renewals later, still the one.
    await new Promise((resolve) => setTimeout(resolve, LEASE_MS * 2));
    const [first] = leaders(all);
    expect(leaders(all)).toEqual([first]);
    const leader = all.find((n) => n.name === first);
    if (!leader) throw new Error('a leader');
    expect(leader.events.map((e) => e.kind)).toEqual(['elected']);

    const closedAt = performance.now();
    await leader.leadership.close();
    const next = await pollUntil(
      () => Promise.resolve(leaders(all)),
      (l) => l.length === 1 && l[0] !== first,
      'the next leader',
    );
    const successor = all.find((n) => n.name === next[0]);
    if (!successor) throw new Error('a successor');
    // Given up, not left to expire: the next node leads by its next try.
    expect(successor.last('elected').at - closedAt).toBeLessThan(timing.tryEveryMs + 200);
    expect(successor.last('elected').fence).toBeGreaterThan(leader.last('elected').fence ?? Infinity);
    expect(await new DispatchFence(storage().db).highest()).toBe(successor.last('elected').fence);
  });

  it('makes a leader cut off from Redis stop before its lease can expire, and another node lead right after', async () => {
    const keys = prefix();
    const proxy = await TcpProxy.to(6379);
    proxies.push(proxy);
    const [cutOff] = nodesOn(keys, ['cut-off'], proxy);
    if (!cutOff) throw new Error('a node');
    await started([cutOff]);
    expect(cutOff.leading).toBe(true);
    const [other] = nodesOn(keys, ['other']);
    if (!other) throw new Error('a node');
    await started([other]);
    expect(other.leading).toBe(false);

    const frozenAt = performance.now();
    proxy.freeze();
    await pollUntil(() => Promise.resolve(other.leading), Boolean, 'the other node to lead', 5_000);
    const stopped = cutOff.last('deposed').at;
    const elected = other.last('elected').at;
    // Never two leaders at once: the cut-off node stopped first, on its own clock, knowing nothing from Redis.
    expect(stopped).toBeLessThan(elected);
    expect(stopped - frozenAt).toBeLessThan(LEASE_MS);
    // And the lease was not given away early: the other node waited for it to expire.
    expect(elected - frozenAt).toBeGreaterThan(LEASE_MS - timing.renewEveryMs - 50);
    expect(elected - frozenAt).toBeLessThan(LEASE_MS + timing.tryEveryMs + 300);
  });

  it('raises a counter Redis lost to the fence storage holds before a term begins', async () => {
    expect(await new DispatchFence(storage().db).claim(40)).toEqual({ claimed: true });
    const [node] = nodesOn(prefix(), ['a']);
    if (!node) throw new Error('a node');
    await started([node]);
    await pollUntil(() => Promise.resolve(node.leading), Boolean, 'a term past the stored fence');
    expect(node.last('elected').fence).toBe(41);
  });

  it('ends a term its fence was refused in, and begins a new one with a higher token when the lease is free', async () => {
    const [node] = nodesOn(prefix(), ['a']);
    if (!node) throw new Error('a node');
    await started([node]);
    const [term] = node.terms;
    if (!term) throw new Error('a term');
    node.leadership.resign(term);
    expect(node.leading).toBe(false);
    await pollUntil(
      () => Promise.resolve(node.events.length),
      (n) => n === 3,
      'a new term',
    );
    expect(node.last('elected').fence).toBeGreaterThan(term.fence ?? Infinity);
  });
});
