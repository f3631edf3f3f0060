import type { Kysely } from 'kysely';
import { afterEach, beforeEach } from 'vitest';
import * as Y from 'yjs';
import { orderDocName } from '../../../shared/docNames';
import { OrderIdSchema, UserIdSchema, type OrderId, type UserId } from '../../../shared/ids';
import { readOrder } from '../../../shared/order/orderDoc';
import type { DabbaServer } from '../../../sync-server/app';
import { DocStore } from '../../../sync-server/storage/docStore';
import { openSqlStorage, type SqlStorage } from '../../../sync-server/storage/sql/open';
import type { Database } from '../../../sync-server/storage/sql/schema';
import { createTestDatabase, type TestDatabase } from './postgres';
import { SHARED_REDIS, useRedisPrefixes } from './redisPrefixes';
import { freePort, spawnServer, startTestServer, tempDataDir, type ChildServer } from './server';
import { silentLog } from './sqlStorage';

/** Any node, in this process or a child: reached by its URL. */
export interface ClusterNode {
  readonly name: string;
  readonly url: string;
}

export interface DispatchCluster {
  /** A node in this process, sharing the cluster's PostgreSQL database and Redis namespace. */
  node(name: string, env?: Record<string, string>): Promise<ClusterNode & { readonly server: DabbaServer }>;
  /** A node as a child process, to be killed with SIGKILL. */
  child(name: string, env?: Record<string, string>): Promise<ClusterNode & { readonly child: ChildServer }>;
  /** The test's own connection to the shared database, to read what the nodes stored. */
  readonly sql: Kysely<Database>;
  readonly redisPrefix: string;
}

/**
 * Several server nodes on one PostgreSQL database and one Redis namespace, as a deployment runs them, new
 * for every test of the calling file; closed (or killed) after it.
 */
export function useDispatchCluster(): () => DispatchCluster {
  const prefixOf = useRedisPrefixes();
  let current: { cluster: DispatchCluster; db: TestDatabase; storage: SqlStorage } | null = null;
  const servers: DabbaServer[] = [];
  const children: ChildServer[] = [];

  beforeEach(async () => {
    const db = await createTestDatabase();
    const storage = await openSqlStorage({ dialect: 'postgres', url: db.url }, silentLog);
    const redisPrefix = prefixOf();
    const shared = (name: string): Record<string, string> => ({
      DATABASE_URL: db.url,
      JWT_SECRET: 'dispatch-cluster-secret-0123456789abcdef',
      REDIS_URL: SHARED_REDIS,
      DABBA_REDIS_PREFIX: redisPrefix,
      DABBA_NODE_ID: name,
    });
    const cluster: DispatchCluster = {
      sql: storage.db,
      redisPrefix,
      node: async (name, env = {}) => {
        const server = await startTestServer({ ...shared(name), ...env });
        servers.push(server);
        return { name, url: server.url, server };
      },
      child: async (name, env = {}) => {
        const child = await spawnServer(tempDataDir(), await freePort(), { ...shared(name), ...env });
        children.push(child);
        return { name, url: child.url, child };
      },
    };
    current = { cluster, db, storage };
  });

  afterEach(async () => {
    for (const child of children.splice(0)) {
      if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
      await child.exited;
    }
    await Promise.all(servers.splice(0).map((s) => s.close()));
    await current?.storage.close();
    await current?.db.drop();
    current = null;
  });

  return () => {
    if (!current) throw new Error('the cluster is made before each test');
    return current.cluster;
  };
}

/** What a node's /healthz says of dispatch; null when it does not answer (dead, or not listening). */
export async function dispatchRole(node: ClusterNode): Promise<'leader' | 'follower' | null> {
  try {
    const res = await fetch(`${node.url}/healthz`);
    const body: unknown = await res.json();
    if (typeof body !== 'object' || body === null || !('dispatch' in body)) return null;
    return body.dispatch === 'leader' || body.dispatch === 'follower' ? body.dispatch : null;
  } catch {
    return null;
  }
}

/** The names of the nodes that say they lead dispatch. */
export async function leaders(nodes: readonly ClusterNode[]): Promise<string[]> {
  const roles = await Promise.all(nodes.map(dispatchRole));
  return nodes.filter((_, i) => roles[i] === 'leader').map((n) => n.name);
}

export interface StoredOffer {
  readonly orderId: OrderId;
  readonly driverId: UserId;
  readonly offeredAt: number;
}

/** The pending offers as storage holds them: what the leader decided, whichever node it is. */
export async function storedOffers(sql: Kysely<Database>): Promise<StoredOffer[]> {
  const rows = await sql.selectFrom('dispatch_offers').select(['order_id', 'driver_id', 'offered_at']).execute();
  return rows.map((r) => ({
    orderId: OrderIdSchema.parse(r.order_id),
    driverId: UserIdSchema.parse(r.driver_id),
    offeredAt: r.offered_at,
  }));
}

/** The drivers every `assigned` event in the stored order names (inert ones included), in fold order. */
export async function assignments(sql: Kysely<Database>, orderId: OrderId): Promise<string[]> {
  const stored = await new DocStore(sql).load(orderDocName(orderId));
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  const view = readOrder(doc);
  doc.destroy();
  const events = view ? [...view.state.applied, ...view.state.conflicts.map((c) => c.event)] : [];
  return events.flatMap((e) => (e.type === 'assigned' ? [e.driverId] : []));
}
