import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { BenchDevice } from './device';
import { ensureFdLimit } from './fdLimit';
import { runLoad } from './load';
import { parseOptions, USAGE, type BenchOptions } from './options';
import { cpuPercent, readProc, readSystem, RssSampler, systemCpuPercent, type ProcSample, type SystemSample } from './procStats';
import { consoleTable, gitCommit, machine, passed, type BenchResult } from './report';
import { writeResults } from './resultsFile';
import { REPO_ROOT, spawnServer, type ServerProcess } from './serverProcess';
import { assignSubscribers, connectDevices, createOrders, login, subscribeDevices } from './setup';
import { distribution, perSecondP99, Tracker } from './tracker';
import { verifyServerState } from './verify';

/** `npm run bench:sync`: the sync server under a fleet of devices; see bench/RESULTS.md for what is measured. */

const log = (line: string): void => console.log(`[bench:sync] ${line}`);

function progress(what: string, total: number): (done: number) => void {
  let shown = 0;
  return (done) => {
    if (done === total || done - shown >= total / 5) {
      shown = done;
      log(`${what} ${done}/${total}`);
    }
  };
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start };
}

function assertAlive(server: ServerProcess): void {
  if (server.exited()) throw new Error(`the server exited during the run:\n${server.outputTail()}`);
}

interface Window {
  server: ProcSample | null;
  serverEnd: ProcSample | null;
  system: SystemSample | null;
  systemEnd: SystemSample | null;
  benchCpu: NodeJS.CpuUsage | null;
  benchCpuUs: number;
  benchStartedAt: number;
  benchMs: number;
  rss: { meanBytes: number; maxBytes: number };
}

async function bench(options: BenchOptions, server: ServerProcess): Promise<BenchResult> {
  const host = machine();
  const idle = readProc(server.pid);
  const session = await login(server.url, 'outlet@dabba.local');
  log(`signed in as ${session.role} ${session.userId}`);

  const orders = await timed(() => createOrders(server.url, options.docs));
  const docs = orders.value;
  log(`created ${docs.length} orders in ${(orders.ms / 1000).toFixed(1)} s`);

  const tracker = new Tracker();
  const connect = await timed(() =>
    connectDevices(server.url, session.token, options.devices, options.connectBatch, tracker, progress('connected', options.devices)),
  );
  const devices: BenchDevice[] = connect.value;

  const subscribers = assignSubscribers(options.devices, options.docs, options.subsPerDoc);
  const subscriptions = options.docs * options.subsPerDoc;
  const subscribe = await timed(() =>
    subscribeDevices(devices, docs, subscribers, options.connectBatch, progress('subscribed', subscriptions)),
  );
  assertAlive(server);

  const loop = monitorEventLoopDelay({ resolution: 1 });
  const rssSampler = new RssSampler(server.pid);
  const w: Window = {
    server: null,
    serverEnd: null,
    system: null,
    systemEnd: null,
    benchCpu: null,
    benchCpuUs: 0,
    benchStartedAt: 0,
    benchMs: 0,
    rss: { meanBytes: 0, maxBytes: 0 },
  };
  log(`load: ${options.rate} updates/s, ${options.warmupS} s warm-up, then ${options.durationS} s measured`);
  const load = await runLoad(
    {
      devices,
      docs,
      subscribers,
      author: { id: session.userId, role: session.role },
      rate: options.rate,
      warmupS: options.warmupS,
      durationS: options.durationS,
    },
    tracker,
    () => {
      w.server = readProc(server.pid);
      w.system = readSystem();
      w.benchCpu = process.cpuUsage();
      w.benchStartedAt = performance.now();
      rssSampler.start();
      loop.enable();
      log('warm-up done, measuring');
    },
    () => {
      w.serverEnd = readProc(server.pid);
      w.systemEnd = readSystem();
      w.benchMs = performance.now() - w.benchStartedAt;
      const cpu = process.cpuUsage(w.benchCpu ?? undefined);
      w.benchCpuUs = cpu.user + cpu.system;
      w.rss = rssSampler.stop();
      loop.disable();
    },
  );
  const drained = await tracker.settled(options.drainS * 1000);
  log(drained ? 'every ACK and relay arrived' : `drain limit of ${options.drainS} s reached with deliveries outstanding`);
  assertAlive(server);

  const state = await verifyServerState(server.url, session.token, tracker.ackedByDoc());
  log(`checked ${state.docsChecked} documents over a fresh socket: ${state.missing} ACKed events missing`);
  tracker.stopWatchingCloses();
  await Promise.all(devices.map((d) => d.close()));

  if (!w.server || !w.serverEnd || !w.system || !w.systemEnd) throw new Error('the measured window never started');
  const serverCpu = cpuPercent(w.server, w.serverEnd);
  const benchCpu = w.benchMs > 0 ? (w.benchCpuUs / 1000 / w.benchMs) * 100 : 0;
  return {
    date: new Date(),
    machine: host,
    commit: gitCommit(REPO_ROOT),
    options,
    setupMs: { orders: orders.ms, connect: connect.ms, subscribe: subscribe.ms },
    load,
    fanout: distribution(tracker.fanoutMs),
    fanoutPerSecondP99: perSecondP99(tracker.fanoutSentAt, tracker.fanoutMs, w.benchStartedAt),
    ack: distribution(tracker.ackMs),
    accounting: tracker.accounting(),
    state,
    server: {
      cpuPercent: serverCpu,
      rssIdle: idle.rssBytes,
      rssMean: w.rss.meanBytes,
      rssMax: w.rss.maxBytes,
      rssPeakLifetime: w.serverEnd.peakRssBytes,
    },
    bench: {
      cpuPercent: benchCpu,
      loopDelayP99Ms: loop.percentile(99) / 1e6,
    },
    otherCpuPercent: Math.max(0, systemCpuPercent(w.system, w.systemEnd, host.cores) - serverCpu - benchCpu),
  };
}

async function main(): Promise<void> {
  let options: BenchOptions | null;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (err: unknown) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
    process.exit(2);
  }
  if (!options) {
    console.log(USAGE);
    return;
  }
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
