import { startServer } from './app';
import { loadConfig } from './config';

/** `npm start`: serve until SIGTERM/SIGINT, then close sockets with SHUTTING_DOWN and flush storage. */
const server = await startServer(loadConfig());
let stopping = false;
const stop = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  server.log.info('shutting down', { signal });
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  server.close().then(
    () => process.exit(0),
    (err: unknown) => {
      server.log.error('shutdown failed', { error: String(err) });
      process.exit(1);
    },
  );
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
