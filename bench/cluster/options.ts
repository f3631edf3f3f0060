import { parseArgs } from 'node:util';
import {
  FLEET_FLAGS,
  fleetOptions,
  numericArgs,
  numericUsage,
  numericValues,
  outputOptions,
  OUTPUT_FLAGS,
  stringValue,
  type FleetOptions,
  type NumericFlag,
} from '../sync/options';
import type { ClusterSpec } from './cluster';

/** The parts of `npm run bench:cluster`, in the order they run. */
export const PARTS = ['fanout', 'reconnect', 'pipeline'] as const;
export type Part = (typeof PARTS)[number];

export interface ClusterOptions extends FleetOptions {
  /** The fan-out and pipeline setups, in the order they run: a single SQLite node for reference, then 1 and N nodes on PostgreSQL. */
  readonly setups: readonly ClusterSpec[];
  readonly parts: ReadonlySet<Part>;
  /** Nodes of the reconnect cluster (at least 2: the device comes back to another node). */
  readonly reconnectNodes: number;
  /** Orders the offline device holds. */
  readonly reconnectOrders: number;
  readonly reconnectTargetMs: number;
  /** Bytes received over the minimal Yjs diff. */
  readonly reconnectTargetRatio: number;
  /** Orders/s the pipeline part steps through on each setup, rising; it stops at the first one not sustained. */
  readonly pipelineRates: readonly number[];
  /** Finished past orders written before each pipeline rate, as on a database in use. */
  readonly pipelineHistory: number;
  /** Measured seconds of each pipeline rate. */
  readonly pipelineDurationS: number;
  /** Where the results sections are written; null with --no-write. */
  readonly resultsFile: string | null;
  /** Directory for a `--cpu-prof` profile of every fan-out and pipeline node; null for none. */
  readonly serverProfDir: string | null;
}

const NUMERIC = {
  ...FLEET_FLAGS,
  devices: { ...FLEET_FLAGS.devices, fallback: 10_000, help: 'devices (sockets), spread round-robin over the nodes' },
  docs: { ...FLEET_FLAGS.docs, fallback: 0, min: 0, help: 'order documents (0: devices ÷ subs)' },
  rate: { ...FLEET_FLAGS.rate, fallback: 500 },
  duration: { ...FLEET_FLAGS.duration, fallback: 10 },
  // Waiting ends as soon as everything arrived: a long limit only keeps a slow delivery from counting as lost.
  drain: { ...FLEET_FLAGS.drain, fallback: 60 },
  nodes: { env: 'BENCH_NODES', fallback: 3, min: 2, help: 'nodes of the multi-node setup and the reconnect' },
  'reconnect-orders': { env: 'BENCH_RECONNECT_ORDERS', fallback: 200, min: 1, help: 'orders the offline device holds' },
  'reconnect-target-ms': { env: 'BENCH_RECONNECT_TARGET_MS', fallback: 1000, min: 1, help: 'catch-up target, ms' },
  'reconnect-ratio': { env: 'BENCH_RECONNECT_RATIO', fallback: 1.2, min: 1, help: 'target bytes ÷ minimal Yjs diff' },
  'pipeline-history': { env: 'BENCH_PIPELINE_HISTORY', fallback: 100_000, min: 0, help: 'past orders written before each pipeline rate' },
  'pipeline-duration': { env: 'BENCH_PIPELINE_DURATION', fallback: 20, min: 1, help: 'measured seconds per pipeline rate' },
} satisfies Record<string, NumericFlag>;

const PIPELINE_RATES = { env: 'BENCH_PIPELINE_RATES', fallback: '8,16,24,32,40,48,56,64,80,100' };

export const USAGE = [
  'npm run bench:cluster -- [flags]   (each numeric flag also reads its env variable)',
  ...numericUsage(NUMERIC),
  `  --parts LIST                         ${PARTS.join(',')} (default: all)`,
  '  --setups LIST                        fan-out and pipeline setups: sqlite (one SQLite node, for reference), pgN',
  '                                       (N nodes on PostgreSQL + Redis); default sqlite,pg1,pg<nodes>',
  '  --pipeline-rates LIST                orders/s the pipeline part steps through, rising, a fresh cluster each;',
  `                                       it stops at the first not sustained (${PIPELINE_RATES.env})`,
  `                                       (default ${PIPELINE_RATES.fallback})`,
  '  --results FILE                       results file (default bench/RESULTS.md)',
  '  --no-write                           print only, leave the results file alone',
  '  --server-prof DIR                    run the fan-out and pipeline nodes with --cpu-prof, profiles written to DIR',
].join('\n');

function setupsFrom(text: string | undefined, nodes: number): ClusterSpec[] {
  const names = (text ?? `sqlite,pg1,pg${nodes}`).split(',').map((p) => p.trim());
  return names.map((name) => {
    if (name === 'sqlite') return { storage: 'sqlite', nodes: 1 };
    const count = /^pg([1-9][0-9]?)$/.exec(name)?.[1];
    if (count === undefined) throw new Error(`--setups: "${name}" is neither sqlite nor pgN (N nodes, 1–99)`);
    return { storage: 'postgres', nodes: Number(count) };
  });
}

function partsFrom(text: string | undefined): Set<Part> {
  if (text === undefined) return new Set(PARTS);
  const parts = new Set<Part>();
  for (const name of text.split(',').map((p) => p.trim())) {
    const part = PARTS.find((p) => p === name);
    if (!part) throw new Error(`--parts: unknown part "${name}" (${PARTS.join(', ')})`);
    parts.add(part);
  }
  return parts;
}

/** The pipeline rates from --pipeline-rates or its env variable: numbers > 0, each above the one before. */
function pipelineRatesFrom(flag: string | undefined, env: NodeJS.ProcessEnv): number[] {
  const text = flag ?? (env[PIPELINE_RATES.env] || PIPELINE_RATES.fallback);
  const rates = text.split(',').map((r) => Number(r.trim()));
  const bad = (r: number, i: number): boolean => !Number.isFinite(r) || r <= 0 || (i > 0 && r <= (rates[i - 1] ?? 0));
  if (rates.some(bad)) throw new Error(`--pipeline-rates (${PIPELINE_RATES.env}) must be rising numbers > 0, got "${text}"`);
  return rates;
}

/** Parses argv and env; throws with the flag's name on a bad value. Returns null when --help was asked. */
export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): ClusterOptions | null {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      ...numericArgs(NUMERIC),
      parts: { type: 'string' },
      setups: { type: 'string' },
      'pipeline-rates': { type: 'string' },
      ...OUTPUT_FLAGS,
    },
    strict: true,
  });
  if (values.help === true) return null;
  const n = numericValues(NUMERIC, values, env);
  const fleet = fleetOptions(n);
  const nodes = Math.floor(n.nodes);
  return {
    ...fleet,
    docs: fleet.docs || Math.ceil(fleet.devices / fleet.subsPerDoc),
    setups: setupsFrom(stringValue(values, 'setups'), nodes),
    parts: partsFrom(stringValue(values, 'parts')),
    reconnectNodes: nodes,
    reconnectOrders: Math.floor(n['reconnect-orders']),
    reconnectTargetMs: n['reconnect-target-ms'],
    reconnectTargetRatio: n['reconnect-ratio'],
    pipelineRates: pipelineRatesFrom(stringValue(values, 'pipeline-rates'), env),
    pipelineHistory: Math.floor(n['pipeline-history']),
    pipelineDurationS: n['pipeline-duration'],
    ...outputOptions(values),
  };
}
