import { parseArgs } from 'node:util';
import type { Storage } from './cluster';

/** One pipeline run: a fresh cluster, its drivers and tablets, and orders at a steady rate. */
export interface PipelineOptions {
  /** Server processes sharing the database (and Redis, on PostgreSQL). */
  readonly nodes: number;
  readonly storage: Storage;
  /** Orders placed per second, all nodes together. */
  readonly rate: number;
  /** Measured window, seconds; orders sent in it are the ones counted. */
  readonly durationS: number;
  /** Orders at the same rate before the window, not counted. */
  readonly warmupS: number;
  /** After the last order, how long every order sent in the window has to be delivered before it counts as stuck. */
  readonly drainS: number;
  readonly drivers: number;
  /** Orders each driver may carry at once (the delivery API allows 1–10). */
  readonly capacity: number;
  readonly tablets: number;
  /** The bound on the order sent → delivered p99 that a rate must keep to count as sustained. */
  readonly targetP99Ms: number;
  /** Finished past orders in the order index before the run, as on a database that has been in use. */
  readonly history: number;
}

export interface CliOptions {
  readonly base: PipelineOptions;
  /** Rates to step through, each on a fresh cluster; one entry without --rates. */
  readonly rates: readonly number[];
  /** Node counts to run the series on (--nodes 1,3), each a series of its own. */
  readonly nodeCounts: readonly number[];
  /** Where the section is written; null with --no-write. */
  readonly resultsFile: string | null;
  /** Run the nodes under --cpu-prof, profiles written here; null for none. */
  readonly serverProfDir: string | null;
}

export const DEFAULTS: PipelineOptions = {
  nodes: 1,
  storage: 'postgres',
  rate: 100,
  durationS: 30,
  warmupS: 5,
  drainS: 30,
  drivers: 60,
  capacity: 10,
  tablets: 4,
  targetP99Ms: 5000,
  history: 0,
};

export const USAGE = [
  'npm run bench:pipeline -- [flags]',
  `  --nodes N[,M]        server processes, or a list for one series each (default ${DEFAULTS.nodes}; more than 1 needs postgres)`,
  `  --storage S          postgres | sqlite (default ${DEFAULTS.storage}; sqlite is one node)`,
  `  --rate R             orders per second (default ${DEFAULTS.rate})`,
  '  --rates A,B,C        step through these rates, a fresh cluster each, and report the highest sustained',
  `  --duration S         measured seconds (default ${DEFAULTS.durationS})`,
  `  --warmup S           warm-up seconds (default ${DEFAULTS.warmupS})`,
  `  --drain S            seconds after the last order before an undelivered one is stuck (default ${DEFAULTS.drainS})`,
  `  --drivers N          drivers on shift (default ${DEFAULTS.drivers})`,
  `  --capacity N         orders per driver, 1-10 (default ${DEFAULTS.capacity})`,
  `  --tablets N          outlet tablets (default ${DEFAULTS.tablets})`,
  `  --history N          finished past orders in the database before the run (default ${DEFAULTS.history})`,
  `  --target-p99 MS      bound on the sent → delivered p99 for a rate to count (default ${DEFAULTS.targetP99Ms})`,
  '  --results FILE       results file (default bench/RESULTS.md)',
  '  --no-write           print only',
  '  --server-prof DIR    run the nodes with --cpu-prof, profiles written to DIR',
].join('\n');

function positive(name: string, text: string | undefined, fallback: number, min = 1): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < min) throw new Error(`--${name} must be a number ≥ ${min}, got "${text}"`);
  return value;
}

/** Parses argv; null when --help was asked. Throws naming the flag on a bad value. */
export function parseOptions(argv: readonly string[]): CliOptions | null {
  const flags = [
    'nodes',
    'storage',
    'rate',
    'rates',
    'duration',
    'warmup',
    'drain',
    'drivers',
    'capacity',
    'tablets',
    'target-p99',
    'history',
    'results',
    'server-prof',
  ];
  const { values } = parseArgs({
    args: [...argv],
    options: {
      ...Object.fromEntries(flags.map((f) => [f, { type: 'string' as const }])),
      'no-write': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help === true) return null;
  const str = (key: string): string | undefined => {
    const v: unknown = (values as Record<string, unknown>)[key];
    return typeof v === 'string' ? v : undefined;
  };
  const storage = str('storage') ?? DEFAULTS.storage;
  if (storage !== 'postgres' && storage !== 'sqlite') throw new Error(`--storage must be postgres or sqlite, got "${storage}"`);
  const nodeCounts = (str('nodes') ?? String(DEFAULTS.nodes)).split(',').map((n) => Math.floor(positive('nodes', n.trim(), 1)));
  const base: PipelineOptions = {
    nodes: nodeCounts[0] ?? DEFAULTS.nodes,
    storage,
    rate: positive('rate', str('rate'), DEFAULTS.rate),
    durationS: positive('duration', str('duration'), DEFAULTS.durationS),
    warmupS: positive('warmup', str('warmup'), DEFAULTS.warmupS, 0),
    drainS: positive('drain', str('drain'), DEFAULTS.drainS, 0),
    drivers: Math.floor(positive('drivers', str('drivers'), DEFAULTS.drivers)),
    capacity: Math.floor(positive('capacity', str('capacity'), DEFAULTS.capacity)),
    tablets: Math.floor(positive('tablets', str('tablets'), DEFAULTS.tablets)),
    targetP99Ms: positive('target-p99', str('target-p99'), DEFAULTS.targetP99Ms),
    history: Math.floor(positive('history', str('history'), DEFAULTS.history, 0)),
  };
  if (base.storage === 'sqlite' && nodeCounts.some((n) => n !== 1)) throw new Error('--nodes > 1 needs --storage postgres');
  if (base.capacity > 10) throw new Error('--capacity must be at most 10 (the delivery API refuses more)');
  const ratesText = str('rates');
  const rates = ratesText === undefined ? [base.rate] : ratesText.split(',').map((r) => positive('rates', r.trim(), 0));
  return {
    base,
    rates,
    nodeCounts,
    resultsFile: values['no-write'] === true ? null : (str('results') ?? 'bench/RESULTS.md'),
    serverProfDir: str('server-prof') ?? null,
  };
}
