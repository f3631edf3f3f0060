import { randomBytes } from 'node:crypto';
import { createTestDatabase, dropDatabases, type TestDatabase } from '../../tests/integration/support/postgres';
import { PIPELINE_DATABASE_PREFIX } from '../pipeline/cluster';
import { spawnServer, type ServerProcess } from '../sync/serverProcess';
import { BenchRedis } from './benchRedis';
import { PgBackends } from './pgBackends';

/** Where the nodes keep their documents: each its own SQLite file (one node only), or one shared PostgreSQL. */
export type Storage = 'sqlite' | 'postgres';

export interface ClusterSpec {
  readonly storage: Storage;
  readonly nodes: number;
}

/** The bench's databases: dabba_bench_<pid>_<random>, so a later run can drop what a killed one left. */
const DATABASE_PREFIX = 'dabba_bench';

export function specName(spec: ClusterSpec): string {
  const nodes = `${spec.nodes} node${spec.nodes === 1 ? '' : 's'}`;
  return spec.storage === 'sqlite' ? `SQLite, ${nodes}` : `PostgreSQL + Redis, ${nodes}`;
}

/** Nodes of one run, and what they share: a fresh database and a Redis key prefix of their own (PostgreSQL). */
export interface Cluster {
  readonly spec: ClusterSpec;
  readonly nodes: readonly ServerProcess[];
  readonly urls: readonly string[];
  readonly pids: readonly number[];
  /** Null on SQLite. */
  readonly redis: BenchRedis | null;
  readonly pg: PgBackends | null;
  /** Throws with the output of a node that has exited. */
  assertAlive(): void;
  /** Stops the nodes (SIGTERM), drops the database and deletes the Redis keys. */
  stop(): Promise<void>;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err: unknown) {
    return err instanceof Error && 'code' in err && err.code === 'EPERM';
  }
}

/** Drops the databases of bench runs whose process is gone (a run killed before it could clean up). */
export async function dropAbandonedDatabases(): Promise<void> {
  const gone = (run: string): boolean => /^\d+$/.test(run) && !alive(Number(run));
  await dropDatabases(DATABASE_PREFIX, gone);
  await dropDatabases(PIPELINE_DATABASE_PREFIX, gone);
}

/**
 * Starts `spec.nodes` server processes. On PostgreSQL they share a fresh database, a JWT secret and a fresh
 * Redis prefix, and are started one after another: the first seeds the demo outlet and accounts, the others
 * find them. `env` is added to every node's environment; with `cpuProfDir` each node writes a CPU profile
 * there when it stops.
 */
export async function startCluster(
  spec: ClusterSpec,
  env: Readonly<Record<string, string>>,
  cpuProfDir: string | null = null,
): Promise<Cluster> {
  if (spec.storage === 'sqlite' && spec.nodes !== 1) throw new Error('SQLite runs one node: nodes share PostgreSQL');
  const nodes: ServerProcess[] = [];
  let database: TestDatabase | null = null;
  let redis: BenchRedis | null = null;
  let pg: PgBackends | null = null;
  const stop = async (): Promise<void> => {
    await Promise.all(nodes.map((n) => n.stop()));
    await pg?.close().catch(() => undefined);
    await database?.drop();
    await redis?.close();
  };
  try {
    let shared: Record<string, string> = {};
    if (spec.storage === 'postgres') {
      database = await createTestDatabase('empty', { prefix: DATABASE_PREFIX, run: String(process.pid) });
      redis = new BenchRedis();
      await redis.connect();
      shared = {
        DATABASE_URL: database.url,
        JWT_SECRET: randomBytes(24).toString('hex'),
        REDIS_URL: redis.url,
        DABBA_REDIS_PREFIX: redis.prefix,
      };
    }
    for (let i = 0; i < spec.nodes; i++) {
      nodes.push(await spawnServer({ env: { ...env, ...shared, DABBA_NODE_ID: `bench-node-${i}` }, cpuProfDir }));
    }
    if (database) {
      pg = new PgBackends(database.url);
      await pg.connect();
    }
  } catch (err: unknown) {
    await stop().catch(() => undefined);
    throw err;
  }
  return {
    spec,
    nodes,
    urls: nodes.map((n) => n.url),
    pids: nodes.map((n) => n.pid),
    redis,
    pg,
    assertAlive: () => {
      nodes.forEach((node, i) => {
        if (node.exited()) throw new Error(`node ${i} exited (${node.exitStatus()}) during the run:\n${node.outputTail()}`);
      });
    },
    stop,
  };
}
