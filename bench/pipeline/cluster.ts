import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { sqlTargetOf, type SqlTarget } from '../../sync-server/storage/sql/open';
import { spawnServer, type ServerProcess, type ServerSpawnOptions } from '../sync/serverProcess';

/** The PostgreSQL server the bench makes its database on (trust auth on this machine by default). */
const PG_SERVER_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

export type Storage = 'postgres' | 'sqlite';

export interface Cluster {
  readonly nodes: readonly ServerProcess[];
  readonly storage: Storage;
  /** The bench database's name (postgres), to find the backends serving it; null on SQLite. */
  readonly database: string | null;
  /** The storage every node shares, for writing under the nodes (the bench's past orders). */
  readonly target: SqlTarget;
  /** Stops every node, drops the database and deletes the run's Redis keys. */
  stop(): Promise<void>;
}

async function onPgServer<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_SERVER_URL, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Deletes the keys under this run's prefix only: the Redis is shared with tests and other benches. */
async function deletePrefix(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** The pipeline's databases are dabba_pipeline_<pid>_<random>, so a later run can drop what a killed one left. */
export const PIPELINE_DATABASE_PREFIX = 'dabba_pipeline';

/**
 * `nodes` servers sharing one fresh PostgreSQL database and one Redis prefix, as a deployment of several
 * nodes does; or, with storage `sqlite` (one node only), the default single-process setup.
 * `env` is added to every node's environment (limits raised for the bench).
 */
export async function startCluster(
  nodes: number,
  storage: Storage,
  env: Readonly<Record<string, string>>,
  spawnOptions: Omit<ServerSpawnOptions, 'env'> = {},
): Promise<Cluster> {
  if (storage === 'sqlite' && nodes !== 1) throw new Error('several nodes need --storage postgres');
  const run = `${process.pid}_${randomBytes(4).toString('hex')}`;
  const database = storage === 'postgres' ? `${PIPELINE_DATABASE_PREFIX}_${run}` : null;
  const prefix = `dabba-pipeline-${run}:`;
  const shared: Record<string, string> = { ...env, JWT_SECRET: randomBytes(32).toString('hex') };
  let databaseUrl: string | null = null;
  if (database !== null) {
    await onPgServer((c) => c.query(`CREATE DATABASE ${database} TEMPLATE template0 ENCODING 'UTF8'`));
    const url = new URL(PG_SERVER_URL);
    url.pathname = `/${database}`;
    databaseUrl = url.toString();
    Object.assign(shared, { DATABASE_URL: databaseUrl, REDIS_URL, DABBA_REDIS_PREFIX: prefix });
  }
  const started: ServerProcess[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(started.map((n) => n.stop()));
    if (database !== null) {
      await onPgServer((c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
      await deletePrefix(prefix);
    }
  };
  try {
    // One at a time: the first node migrates the schema and seeds the demo; the others find it done.
    for (let i = 0; i < nodes; i++) {
      started.push(await spawnServer({ ...spawnOptions, env: { ...shared, DABBA_NODE_ID: `pipeline-${i + 1}` } }));
    }
  } catch (err: unknown) {
    await stop();
    throw err;
  }
  const first = started[0];
  if (!first) throw new Error('a cluster needs at least one node');
  // What each node's own configuration makes of DATA_DIR and DATABASE_URL (the first node's DATA_DIR on SQLite).
  const target = sqlTargetOf({ dataDir: first.dataDir, sqliteSync: 'normal' }, databaseUrl);
  return { nodes: started, storage, database, target, stop };
}

/** Process ids of the PostgreSQL backends connected to `database` right now (each node's pool). */
export async function backendPids(database: string): Promise<number[]> {
  return onPgServer(async (c) => {
    const rows = await c.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [database]);
    return rows.rows.map((r) => r.pid);
  });
}

/** Transactions committed in `database` so far (every autocommit statement counts as one). */
export async function databaseCommits(database: string): Promise<number> {
  return onPgServer(async (c) => {
    const rows = await c.query<{ n: string }>('SELECT xact_commit::text AS n FROM pg_stat_database WHERE datname = $1', [database]);
    return Number(rows.rows[0]?.n ?? 0);
  });
}
