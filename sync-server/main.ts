import { startServer } from './app';
import { loadConfig } from './config';
import { welcomeFor } from './seed/welcome';

/**
 * `npm start`: serve until SIGTERM/SIGINT, then drain (see DabbaServer.close) and exit 0, or exit 1 if the
 * drain failed or did not finish within DABBA_DRAIN_TIMEOUT_MS.
 */
const config = loadConfig();
const server = await startServer(config);
let stopping = false;
const stop = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  server.log.info('draining', { signal, noticeMs: config.drainNoticeMs, timeoutMs: config.drainTimeoutMs });
  const force = setTimeout(() => {
    server.log.error('the drain did not finish within DABBA_DRAIN_TIMEOUT_MS; exiting anyway', { timeoutMs: config.drainTimeoutMs });
    process.exit(1);
  }, config.drainTimeoutMs);
  force.unref();
  server.close().then(
    () => {
      server.log.info('drained');
      process.exit(0);
    },
    (err: unknown) => {
      server.log.error('shutdown failed', { error: String(err) });
      process.exit(1);
    },
  );
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
// After the handlers: checking the demo passwords takes a moment, and a SIGTERM in it must still drain.
// Not through the logger: the first thing someone who just ran `npm start` needs, whatever LOG_LEVEL says.
welcomeFor(server.url, server.sql, config).then(
  (text) => process.stdout.write(text),
  (err: unknown) => server.log.error('could not print the welcome', { error: String(err) }),
);
