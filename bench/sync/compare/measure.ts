import { newEventId } from '../../../shared/ids';
import { eventsArray } from '../../../shared/order/orderDoc';
import { readProc } from '../procStats';
import { distribution, perSecondP99, type Distribution } from '../tracker';
import { MeasuredWindow } from '../window';
import { FanoutTracker, type FanoutAccounting } from './fanoutTracker';
import { PlainDevice, QUIET } from './plainDevice';
import type { Target } from './targets';

/** One load: devices (4 per document by default) and the updates per second they write together. */
export interface Level {
  readonly devices: number;
  readonly rate: number;
}

export interface RunOptions {
  readonly subsPerDoc: number;
  readonly durationS: number;
  readonly warmupS: number;
  readonly drainS: number;
  readonly connectBatch: number;
  /** Quiet seconds between the devices connecting and the load starting. */
  readonly settleS: number;
}

/** One server under one load, over the measured window. */
export interface RunResult {
  readonly target: Target['name'];
  readonly fanout: Distribution;
  /** Fan-out p99 of each second of the window, by send time: a spread tail or a few stalls. */
  readonly perSecondP99: readonly number[];
  /** Server CPU time in the window, seconds, and as % of one core. */
  readonly cpuSeconds: number;
  readonly cpuPercent: number;
  readonly rssIdle: number;
  readonly rssMax: number;
  readonly accounting: FanoutAccounting;
  /** Sent events a fresh device did not find in the server's state after the drain. */
  readonly missingInState: number;
  /** How late updates left against their schedule, and the bench's own loop delay: the generator's share of the tail. */
  readonly lateMs: Distribution;
  readonly benchLoopP99Ms: number;
  readonly benchLoopMaxMs: number;
  readonly benchCpuPercent: number;
  /** Everything else on the machine in the window, % of one core. */
  readonly otherCpuPercent: number;
  readonly setupMs: { readonly server: number; readonly connect: number };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export const docsFor = (level: Level, subsPerDoc: number): number => Math.ceil(level.devices / subsPerDoc);

/** Connects `level.devices` stock clients to `target`, writes on a steady schedule, and accounts for every delivery. */
export async function measure(target: Target, level: Level, o: RunOptions, cores: number, log: (line: string) => void): Promise<RunResult> {
  const tracker = new FanoutTracker();
  const rssIdle = readProc(target.pid).rssBytes;
  const devices = Array.from(
    { length: level.devices },
    (_, i) => new PlainDevice(i, target.serverUrl, target.docs[Math.floor(i / o.subsPerDoc)] ?? '', target.params, tracker, target.seed),
  );
  const connectStarted = performance.now();
  for (let start = 0; start < devices.length; start += o.connectBatch) {
    await Promise.all(devices.slice(start, start + o.connectBatch).map((d) => d.connect()));
    if (target.exited()) throw new Error(`${target.name} exited while devices connected:\n${target.outputTail()}`);
  }
  const connectMs = performance.now() - connectStarted;
  log(`${target.name}: ${devices.length} devices synced in ${(connectMs / 1000).toFixed(1)} s`);
  // Each run starts from a settled generator: the garbage of connecting thousands of clients, collected
  // later, stalled whichever server ran first by up to 0.3 s (npm run bench:sync passes --expose-gc).
  globalThis.gc?.();
  await sleep(o.settleS * 1000);

  const window = new MeasuredWindow([target.pid], cores);
  const late: number[] = [];
  const sentByDoc = new Map<string, string[]>();
  const warmup = Math.round(o.warmupS * level.rate);
  const total = warmup + Math.round(o.durationS * level.rate);
  const interval = 1000 / level.rate;
  const started = performance.now();
  for (let i = 0; i < total;) {
    const now = performance.now();
    while (i < total && started + i * interval <= now) {
      if (i === warmup) window.start();
      if (i >= warmup) late.push(performance.now() - (started + i * interval));
      write(i, i >= warmup);
      i += 1;
    }
    await sleep(Math.max(0, started + i * interval - performance.now()));
  }
  await sleep(Math.max(0, started + total * interval - performance.now()));
  window.stop();
  await tracker.settled(o.drainS * 1000);
  const missingInState = await checkState(target, sentByDoc, o.connectBatch);
  tracker.stopWatchingCloses();
  for (const d of devices) d.close();
  const w = window.result();
  const server = w.procs[0];
  if (!server) throw new Error('the server was not measured');
  return {
    target: target.name,
    fanout: distribution(tracker.fanoutMs),
    perSecondP99: perSecondP99(tracker.fanoutSentAt, tracker.fanoutMs, w.startedAt),
    cpuSeconds: (server.cpuPercent / 100) * (w.ms / 1000),
    cpuPercent: server.cpuPercent,
    rssIdle,
    rssMax: server.rssMax,
    accounting: tracker.accounting(),
    missingInState,
    lateMs: distribution(late),
    benchLoopP99Ms: w.bench.loopDelayP99Ms,
    benchLoopMaxMs: w.bench.loopDelayMaxMs,
    benchCpuPercent: w.bench.cpuPercent,
    otherCpuPercent: Math.max(0, w.systemCpuPercent - server.cpuPercent - w.bench.cpuPercent),
    setupMs: { server: target.setupMs, connect: connectMs },
  };

  /** Update i: documents round-robin, and within a document its devices take turns writing. */
  function write(i: number, measured: boolean): void {
    const d = i % target.docs.length;
    const turn = (Math.floor(i / target.docs.length) + d) % o.subsPerDoc;
    const writer = devices[d * o.subsPerDoc + turn];
    const doc = target.docs[d];
    if (!writer?.open || doc === undefined) return;
    const id = newEventId();
    const receivers: number[] = [];
    for (let s = 0; s < o.subsPerDoc; s++) if (s !== turn && d * o.subsPerDoc + s < devices.length) receivers.push(d * o.subsPerDoc + s);
    const sentAt = writer.append({ id, type: 'note', at: Date.now(), by: target.author, text: `bench #${i}` });
    tracker.sent(id, sentAt, receivers, measured);
    const list = sentByDoc.get(doc) ?? [];
    list.push(id);
    sentByDoc.set(doc, list);
  }
}

/** Loads every written document on a fresh device and counts the sent events the server's state lacks. */
async function checkState(target: Target, sentByDoc: ReadonlyMap<string, readonly string[]>, batch: number): Promise<number> {
  const docs = [...sentByDoc.keys()];
  let missing = 0;
  for (let start = 0; start < docs.length; start += batch) {
    await Promise.all(
      docs.slice(start, start + batch).map(async (name) => {
        const fresh = new PlainDevice(-1, target.serverUrl, name, target.params, QUIET, null);
        await fresh.connect();
        const held = new Set(eventsArray(fresh.doc).map((e: unknown) => (typeof e === 'object' && e !== null && 'id' in e ? e.id : null)));
        for (const id of sentByDoc.get(name) ?? []) if (!held.has(id)) missing += 1;
        fresh.close();
      }),
    );
  }
  return missing;
}
