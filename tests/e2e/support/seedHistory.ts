import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { TestServer } from './testServer';

/** Runs `npm run seed:history`'s script against a stopped test server's data dir, then starts it again. */
export async function withSeededHistory(server: TestServer, days: number, ordersPerDay: number): Promise<void> {
  await server.stop();
  await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'scripts/seedHistory.ts', '--days', String(days), '--orders-per-day', String(ordersPerDay)],
    { env: { ...process.env, PORT: String(server.port), HOST: '127.0.0.1', DATA_DIR: server.dataDir, DABBA_DEMO: '1' } },
  );
  await server.start();
}
