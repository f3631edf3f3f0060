import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The PostgreSQL server integration tests make their databases on: the machine's own (trust auth, user
 * postgres), which .ci/run makes sure answers; DABBA_TEST_POSTGRES_URL points elsewhere.
 */
const SERVER_URL = process.env.DABBA_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  readonly name: string;
  /** A postgres:// URL for DATABASE_URL or openSqlStorage. */
  readonly url: string;
  /** Drops the database, closing whatever connections are still open to it. */
  drop(): Promise<void>;
}

/** The server URL without its password, for messages. */
function shown(url: string): string {
  const u = new URL(url);
  if (u.password !== '') u.password = '***';
  return u.toString();
}

async function onServer<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: SERVER_URL, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (err: unknown) {
    // Never a skip: a suite that quietly stops testing PostgreSQL would pass with the adapter broken.
    throw new Error(
      `PostgreSQL is not reachable at ${shown(SERVER_URL)} (${err instanceof Error ? err.message : String(err)}). ` +
        'The integration tests need it: .ci/run starts the machine cluster (pg_ctlcluster); set DABBA_TEST_POSTGRES_URL to use another server.',
      { cause: err },
    );
  }
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Where a new database starts: empty, or (for servers and migrated storage) a copy of the run's migrated template. */
export type TestDatabaseStart = 'empty' | 'migrated';

/**
 * A new database of its own: dabba_test_<run>_<random> (the run's name, see postgresRun.ts, or the process
 * id), so parallel runs and files never share one. The benchmarks make theirs under another `prefix` with
 * their process id as `run`, so that they can tell which ones a dead run left behind.
 * An empty one is made with an ICU en-US locale, as an operator's would be, rather than the server's C
 * default: a query that only works because text happens to sort by bytes fails here, not in production.
 * A `migrated` one is copied from the run's template (DABBA_TEST_TEMPLATE, made the same way and migrated
 * once by postgresRun.ts), which saves running every migration again for each server; without a template it
 * starts empty, and whoever opens it migrates it as before.
 * Commits do not wait for the WAL to reach the disk (synchronous_commit off): that guards against the
 * PostgreSQL server's machine failing, which no test does, and halves the time of every commit.
 */
export async function createTestDatabase(
  start: TestDatabaseStart = 'empty',
  { prefix = 'dabba_test', run = process.env.DABBA_TEST_RUN ?? String(process.pid) }: { prefix?: string; run?: string } = {},
): Promise<TestDatabase> {
  const name = `${prefix}_${run}_${randomBytes(4).toString('hex')}`;
  const template = start === 'migrated' ? process.env.DABBA_TEST_TEMPLATE : undefined;
  await onServer(async (c) => {
    await c.query(
      template === undefined
        ? `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8' LOCALE_PROVIDER icu ICU_LOCALE 'en-US'`
        : `CREATE DATABASE ${name} TEMPLATE ${template}`,
    );
    await c.query(`ALTER DATABASE ${name} SET synchronous_commit = off`);
  });
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      await onServer((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** Drops every database the run named `run` made and left behind. */
export async function dropRunDatabases(run: string): Promise<void> {
  await dropDatabases('dabba_test', (r) => r === run);
}

/** Drops the databases `<prefix>_<run>_<random>` whose run `leftBehind` says is over. */
export async function dropDatabases(prefix: string, leftBehind: (run: string) => boolean): Promise<void> {
  const pattern = new RegExp(`^${prefix}_([0-9a-f]+)_[0-9a-f]+$`);
  await onServer(async (c) => {
    const all = await c.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [`${prefix}_`]);
    for (const { datname } of all.rows) {
      const run = pattern.exec(datname)?.[1];
      if (run !== undefined && leftBehind(run)) await c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
  });
}
