import type { BenchDevice } from './device';
import { runLoad, type LoadResult } from './load';
import type { FleetOptions } from './options';
import { assignSubscribers, connectDevices, createOrders, login, subscribeDevices, type Session } from './setup';
import { Tracker } from './tracker';
import { verifyServerState, type StateCheck } from './verify';
import type { WindowProbe } from './window';

export interface FleetHooks {
  readonly log: (line: string) => void;
  /** Throws when a server process died: called between the phases of the run. */
  readonly assertAlive: () => void;
}

export interface FleetRun {
  readonly session: Session;
  readonly setupMs: { readonly orders: number; readonly connect: number; readonly subscribe: number };
  readonly load: LoadResult;
  readonly tracker: Tracker;
  /** Every ACK and relay arrived within the drain limit. */
  readonly drained: boolean;
  /** From the end of the load to the last ACK or relay (or the drain limit), ms: the backlog the servers had left. */
  readonly drainMs: number;
  /** The state check of each server, in the order of `urls`, each over a fresh socket. */
  readonly states: readonly StateCheck[];
}

function progress(log: (line: string) => void, what: string, total: number): (done: number) => void {
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

/**
 * One run of the device fleet against one server or several: creates the orders (through the first
 * server), connects device i to `urls[i % urls.length]`, subscribes every document on its subscribers,
 * writes the load with `window` around its measured part, waits for every ACK and relay, then checks
 * each server's state over a fresh socket of its own, and closes the devices.
 */
export async function runFleet(urls: readonly string[], options: FleetOptions, window: WindowProbe, hooks: FleetHooks): Promise<FleetRun> {
  const { log } = hooks;
  const first = urls[0];
  if (first === undefined) throw new Error('no server to run against');
  const session = await login(first, 'outlet@dabba.local');
  log(`signed in as ${session.role} ${session.userId}`);

  const orders = await timed(() => createOrders(first, options.docs));
  const docs = orders.value;
  log(`created ${docs.length} orders in ${(orders.ms / 1000).toFixed(1)} s`);

  const tracker = new Tracker();
  const connect = await timed(() =>
    connectDevices(urls, session.token, options.devices, options.connectBatch, tracker, progress(log, 'connected', options.devices)),
  );
  const devices: BenchDevice[] = connect.value;

  const subscribers = assignSubscribers(options.devices, options.docs, options.subsPerDoc);
  const subscriptions = options.docs * options.subsPerDoc;
  const subscribe = await timed(() =>
    subscribeDevices(devices, docs, subscribers, options.connectBatch, progress(log, 'subscribed', subscriptions)),
  );
  hooks.assertAlive();

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
      window.start();
      log('warm-up done, measuring');
    },
    () => window.stop(),
  );
  const drainStart = performance.now();
  const drained = await tracker.settled(options.drainS * 1000);
  const drainMs = performance.now() - drainStart;
  log(drained ? 'every ACK and relay arrived' : `drain limit of ${options.drainS} s reached with deliveries outstanding`);
  hooks.assertAlive();

  const states: StateCheck[] = [];
  for (const url of urls) {
    const state = await verifyServerState(url, session.token, tracker.ackedByDoc());
    log(`checked ${state.docsChecked} documents over a fresh socket to ${url}: ${state.missing} ACKed events missing`);
    states.push(state);
  }
  tracker.stopWatchingCloses();
  await Promise.all(devices.map((d) => d.close()));
  return {
    session,
    setupMs: { orders: orders.ms, connect: connect.ms, subscribe: subscribe.ms },
    load,
    tracker,
    drained,
    drainMs,
    states,
  };
}
