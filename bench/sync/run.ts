import { ensureFdLimit } from './fdLimit';
import { runFleet } from './fleet';
import { optionsOrExit, parseOptions, USAGE, type BenchOptions } from './options';
import { readProc } from './procStats';
import { consoleTable, gitCommit, machine, passed, type BenchResult } from './report';
import { writeResults } from './resultsFile';
import { REPO_ROOT, spawnServer, type ServerProcess } from './serverProcess';
import { distribution, perSecondP99 } from './tracker';
import { MeasuredWindow } from './window';

/** `npm run bench:mux`: the sync server under a fleet of devices; see bench/RESULTS.md for what is measured. */

const log = (line: string): void => console.log(`[bench:mux] ${line}`);

async function bench(options: BenchOptions, server: ServerProcess): Promise<BenchResult> {
  const host = machine();
  const idle = readProc(server.pid);
  const window = new MeasuredWindow([server.pid], host.cores);
  const fleet = await runFleet([server.url], options, window, {
    log,
    assertAlive: () => {
      if (server.exited()) throw new Error(`the server exited during the run:\n${server.outputTail()}`);
    },
  });
  const w = window.result();
  const serverWindow = w.procs[0];
  const state = fleet.states[0];
  if (!serverWindow || !state) throw new Error('the server was not measured');
  const tracker = fleet.tracker;
  return {
    date: new Date(),
    machine: host,
    commit: gitCommit(REPO_ROOT),
    options,
    setupMs: fleet.setupMs,
    load: fleet.load,
    fanout: distribution(tracker.fanoutMs),
    fanoutPerSecondP99: perSecondP99(tracker.fanoutSentAt, tracker.fanoutMs, w.startedAt),
    ack: distribution(tracker.ackMs),
    accounting: tracker.accounting(),
    state,
    server: { ...serverWindow, rssIdle: idle.rssBytes },
    bench: w.bench,
    otherCpuPercent: Math.max(0, w.systemCpuPercent - serverWindow.cpuPercent - w.bench.cpuPercent),
  };
}

async function main(): Promise<void> {
  const options = optionsOrExit(() => parseOptions(process.argv.slice(2)), USAGE);
  if (!options) return;
  ensureFdLimit(options.devices + 200);
  const server = await spawnServer({
    env: { DABBA_ORDERS_PER_MINUTE: String(Math.max(1000, options.docs * 2)) },
    cpuProfDir: options.serverProfDir,
  });
  log(`server pid ${server.pid} at ${server.url}, data in ${server.dataDir}`);
  let result: BenchResult;
  try {
    result = await bench(options, server);
  } catch (err: unknown) {
    if (server.exited()) log(`the server exited (${server.exitStatus()}); its output:\n${server.outputTail()}`);
    throw err;
  } finally {
    await server.stop();
  }
  console.log(`\n${consoleTable(result)}`);
  if (options.serverProfDir) log(`server CPU profile written to ${options.serverProfDir}`);
  if (options.resultsFile) {
    writeResults(options.resultsFile, result);
    log(`wrote ${options.resultsFile}`);
  }
  if (!passed(result)) log('target missed');
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
