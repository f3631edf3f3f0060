import { setTimeout as sleep } from 'node:timers/promises';
import { gitCommit, machine, type Machine } from '../sync/report';
import { REPO_ROOT } from '../sync/serverProcess';
import type { Distribution } from '../outlet/results';
import { startCluster } from './cluster';
import { seedPastOrders } from './history';
import { BenchDrivers } from './drivers';
import { login, postJson, RoundRobin } from './http';
import { UsageWindow, type Usage } from './measure';
import type { PipelineOptions } from './options';
import { DEMO_OUTLET, OutletTablets } from './outlet';
import { PipelineTracker, type PipelineAccounting } from './tracker';

export interface PipelineResult {
  readonly options: PipelineOptions;
  readonly date: Date;
  readonly machine: Machine;
  readonly commit: string;
  readonly setupS: number;
  readonly accounting: PipelineAccounting;
  readonly spans: readonly { readonly name: string; readonly d: Distribution }[];
  readonly usage: Usage;
  /** How late the bench sent orders against the schedule (its own load shows here), p99 ms. */
  readonly sendLateP99Ms: number;
  /** Nodes that exited during the run, with their last output. */
  readonly crashed: readonly string[];
  /** Sustained: every order of the window delivered, the completed rate keeping up, and the p99 bound kept. */
  readonly sustained: boolean;
}

const DEMO_PASSWORD = 'dabba-demo';

/** A delivery to Residency Rd, about 1 km from the demo outlet, inside its zone; paid in cash. */
const DELIVERY_ORDER = JSON.stringify({
  outletId: DEMO_OUTLET,
  type: 'delivery',
  items: [{ itemId: 'masala-dosa', qty: 2, modifiers: [{ groupId: 'chutney', optionId: 'mint' }] }],
  customer: { name: 'Bench', phone: '+91 98860 12345' },
  address: { text: '22 Residency Rd', lat: 12.968, lng: 77.6 },
  payment: { method: 'cash' },
});

/** Limits meant for one abusive client, raised: the bench is one address placing every order. */
const BENCH_ENV: Readonly<Record<string, string>> = {
  DABBA_ORDERS_PER_MINUTE: '10000000',
  DABBA_LOGIN_HASHES_PER_ADDRESS: '8',
  DABBA_LOGIN_FAILURES_PER_ADDRESS: '100000',
};

async function placeOne(nodes: RoundRobin, tracker: PipelineTracker): Promise<void> {
  const t = tracker.sending();
  try {
    const res = await fetch(`${nodes.pick()}/api/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: DELIVERY_ORDER,
    });
    const text = await res.text();
    if (res.status !== 201) throw new Error(`${res.status} ${text.slice(0, 200)}`);
    const body: unknown = JSON.parse(text);
    const orderId = body instanceof Object && 'orderId' in body && typeof body.orderId === 'string' ? body.orderId : null;
    if (orderId === null) throw new Error(`no orderId in ${text.slice(0, 200)}`);
    tracker.placed(t, orderId);
  } catch (err: unknown) {
    tracker.error('place order', err);
  }
}

/** Places orders open-loop on a steady schedule for `seconds`; resolves when every POST has been answered. */
async function placeOrders(nodes: RoundRobin, tracker: PipelineTracker, rate: number, seconds: number, start: number): Promise<number[]> {
  const total = Math.round(rate * seconds);
  const inFlight: Promise<void>[] = [];
  const late: number[] = [];
  for (let k = 0; k < total;) {
    const now = performance.now();
    const due = start + (k * 1000) / rate;
    if (due > now) {
      await sleep(due - now);
      continue;
    }
    late.push(now - due);
    inFlight.push(placeOne(nodes, tracker));
    k += 1;
  }
  await Promise.all(inFlight);
  return late;
}

const p99 = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.max(0, Math.ceil(values.length * 0.99) - 1)] ?? 0;

/**
 * The whole pipeline on a fresh cluster: orders over HTTP, accepted and made ready by outlet tablets,
 * offered by dispatch, accepted by driver apps, picked up and delivered. Devices are spread evenly over
 * the nodes, HTTP requests round-robin.
 */
export async function runPipeline(
  options: PipelineOptions,
  log: (line: string) => void = () => {},
  serverProfDir: string | null = null,
): Promise<PipelineResult> {
  const date = new Date();
  const setupStart = performance.now();
  const cluster = await startCluster(options.nodes, options.storage, BENCH_ENV, { cpuProfDir: serverProfDir });
  const tracker = new PipelineTracker();
  let tablets: OutletTablets | null = null;
  let drivers: BenchDrivers | null = null;
  try {
    if (options.history > 0) {
      log(`writing ${options.history} past orders…`);
      await seedPastOrders(cluster.target, options.history, DEMO_OUTLET);
    }
    const nodes = new RoundRobin(cluster.nodes.map((n) => n.url));
    const anyNode = nodes.at(0);
    const admin = await login(anyNode, 'admin@dabba.local', DEMO_PASSWORD);
    const outlet = await login(anyNode, 'outlet@dabba.local', DEMO_PASSWORD);
    // The seeded demo driver stays off shift: every offer goes to a bench driver that answers it.
    const demoDriver = await login(anyNode, 'driver@dabba.local', DEMO_PASSWORD);
    await postJson(`${anyNode}/api/driver/shift`, { onShift: false }, demoDriver.token);
    log(`${options.nodes} node(s) up on ${options.storage}; adding ${options.drivers} drivers…`);
    drivers = await BenchDrivers.start(nodes, admin, options.drivers, options.capacity, tracker);
    tablets = await OutletTablets.start(nodes, outlet, options.tablets, tracker);
    const setupS = (performance.now() - setupStart) / 1000;
    log(`set up in ${setupS.toFixed(1)} s; placing ${options.rate} orders/s for ${options.warmupS + options.durationS} s…`);

    const usage = new UsageWindow(
      cluster.nodes.map((n) => n.pid),
      cluster.database,
    );
    const start = performance.now() + 100;
    const from = start + options.warmupS * 1000;
    const to = from + options.durationS * 1000;
    const window = (async (): Promise<Usage> => {
      await sleep(from - performance.now());
      await usage.start();
      await sleep(to - performance.now());
      return usage.stop();
    })();
    const late = await placeOrders(nodes, tracker, options.rate, options.warmupS + options.durationS, start);
    const measured = await window;
    const drainUntil = performance.now() + options.drainS * 1000;
    while (tracker.openCount(to) > 0 && performance.now() < drainUntil) await sleep(200);
    const accounting = tracker.accounting(from, to);
    const spans = tracker.spans(from, to);
    const crashed = cluster.nodes.filter((n) => n.exited()).map((n) => `${n.url} ${n.exitStatus()}: ${n.outputTail().slice(-500)}`);
    const e2e = spans.at(-1)?.d;
    const sustained =
      crashed.length === 0 &&
      accounting.stuck === 0 &&
      accounting.deliveredPerS >= options.rate * 0.95 &&
      e2e !== undefined &&
      e2e.p99 <= options.targetP99Ms;
    return {
      options,
      date,
      machine: machine(),
      commit: gitCommit(REPO_ROOT),
      setupS,
      accounting,
      spans,
      usage: measured,
      sendLateP99Ms: p99(late),
      crashed,
      sustained,
    };
  } finally {
    await tablets?.close();
    await drivers?.close();
    await cluster.stop();
  }
}
