import { randomBytes } from 'node:crypto';
import { createLogger } from '../../../sync-server/log';
import { openSqlStorage } from '../../../sync-server/storage/sql/open';
import { createTestDatabase, dropRunDatabases } from './postgres';

/**
 * The run's template database: made as any test database and migrated once, so that servers and migrated
 * test storage are copies of it (createTestDatabase) instead of each running every migration. Null when
 * PostgreSQL does not answer: the tests that need it then fail with the reason, and the others run.
 */
async function migratedTemplate(): Promise<string | null> {
  try {
    const template = await createTestDatabase('empty');
    const opened = await openSqlStorage({ dialect: 'postgres', url: template.url }, createLogger('silent'));
    // Closed before any copy is made: PostgreSQL copies only a database nobody is connected to.
    await opened.close();
    return template.name;
  } catch {
    return null;
  }
}

/**
 * Vitest global setup of the integration project: names this run (every database it makes starts
 * dabba_test_<run>_), makes its migrated template, and at the end drops what is left of them, such as the
 * databases servers ran on in the PostgreSQL pass. Other runs' databases are not touched.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const run = randomBytes(3).toString('hex');
  process.env.DABBA_TEST_RUN = run;
  const template = await migratedTemplate();
  if (template !== null) process.env.DABBA_TEST_TEMPLATE = template;
  return () => dropRunDatabases(run);
}
