import { randomBytes } from 'node:crypto';
import { dropRunDatabases } from './postgres';

/**
 * Vitest global setup of the integration project: names this run (every database it makes starts
 * dabba_test_<run>_), and at the end drops what is left of them, such as the databases servers ran on in
 * the PostgreSQL pass. Other runs' databases are not touched.
 */
export default function setup(): () => Promise<void> {
  const run = randomBytes(3).toString('hex');
  process.env.DABBA_TEST_RUN = run;
  return () => dropRunDatabases(run);
}
