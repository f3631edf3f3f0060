import { parseArgs } from 'node:util';

/** The load of a device fleet (see fleet.ts). */
export interface FleetOptions {
  /** Devices: one WebSocket each, all signed in as outlet staff. */
  readonly devices: number;
  /** Order documents, created through POST /api/orders before the run. */
  readonly docs: number;
  /** Subscribers per document (devices holding it); each update fans out to the other subscribers - 1. */
  readonly subsPerDoc: number;
  /** Updates per second, all devices together, on a steady schedule. */
  readonly rate: number;
  /** Measured window, seconds. */
  readonly durationS: number;
  /** Load before the measured window (same rate, not counted in latency, CPU or RSS), seconds. */
  readonly warmupS: number;
  /** How long to wait after the last update for ACKs and relays before counting losses, seconds. */
  readonly drainS: number;
  /** Sockets opened at once while connecting. */
  readonly connectBatch: number;
}

/** What one `npm run bench:mux` run does. Every flag has an env fallback and a default (the target load). */
export interface BenchOptions extends FleetOptions {
  /** Pass/fail line for the fan-out p99, milliseconds. */
  readonly targetP99Ms: number;
  /** Where the results section is written; null with --no-write. */
  readonly resultsFile: string | null;
  /** Directory for a `--cpu-prof` profile of the server; null for none. */
  readonly serverProfDir: string | null;
}

/** A numeric command-line flag: its env fallback, default, lowest accepted value and help text. */
export interface NumericFlag {
  readonly env: string;
  readonly fallback: number;
  readonly min: number;
  readonly help: string;
}

/** The flags of a fleet's load, with bench:mux's defaults. */
export const FLEET_FLAGS = {
  devices: { env: 'BENCH_DEVICES', fallback: 1000, min: 2, help: 'devices (sockets)' },
  docs: { env: 'BENCH_DOCS', fallback: 250, min: 1, help: 'order documents' },
  subs: { env: 'BENCH_SUBS_PER_DOC', fallback: 4, min: 2, help: 'subscribers per document' },
  rate: { env: 'BENCH_RATE', fallback: 200, min: 1, help: 'updates per second, total' },
  duration: { env: 'BENCH_DURATION', fallback: 30, min: 1, help: 'measured seconds' },
  warmup: { env: 'BENCH_WARMUP', fallback: 5, min: 0, help: 'warm-up seconds' },
  drain: { env: 'BENCH_DRAIN', fallback: 5, min: 0, help: 'drain seconds after the last update' },
  'connect-batch': { env: 'BENCH_CONNECT_BATCH', fallback: 50, min: 1, help: 'sockets opened at once' },
} satisfies Record<string, NumericFlag>;

const NUMERIC = {
  ...FLEET_FLAGS,
  'target-p99': { env: 'BENCH_TARGET_P99_MS', fallback: 20, min: 0, help: 'p99 target, ms' },
} satisfies Record<string, NumericFlag>;

export const USAGE = [
  'npm run bench:mux -- [flags]   (each flag also reads its env variable)',
  ...numericUsage(NUMERIC),
  '  --results FILE                       results file (default bench/RESULTS.md)',
  '  --no-write                           print only, leave the results file alone',
  '  --server-prof DIR                    run the server with --cpu-prof, profile written to DIR',
].join('\n');

/** One help line per flag of `table`. */
export function numericUsage(table: Readonly<Record<string, NumericFlag>>): string[] {
  const entries = Object.entries(table);
  const name = Math.max(14, ...entries.map(([n]) => n.length));
  const env = Math.max(20, ...entries.map(([, f]) => f.env.length));
  return entries.map(([n, f]) => `  --${n.padEnd(name)} ${f.env.padEnd(env)} ${f.help} (default ${f.fallback})`);
}

/** parseArgs options for the flags of `table`, each read as a string and parsed by `numericValues`. */
export function numericArgs<K extends string>(table: Readonly<Record<K, NumericFlag>>): Record<K, { type: 'string' }> {
  return Object.fromEntries(Object.keys(table).map((k) => [k, { type: 'string' as const }])) as Record<K, { type: 'string' }>;
}

/** Each flag of `table` from the parsed `values`, else its env variable, else its default; throws naming a bad one. */
export function numericValues<K extends string>(
  table: Readonly<Record<K, NumericFlag>>,
  values: Readonly<Record<string, unknown>>,
  env: NodeJS.ProcessEnv,
): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const name of Object.keys(table) as K[]) {
    const flag = table[name];
    const raw = values[name];
    const text = typeof raw === 'string' ? raw : env[flag.env];
    if (text === undefined || text === '') {
      out[name] = flag.fallback;
      continue;
    }
    const value = Number(text);
    if (!Number.isFinite(value) || value < flag.min)
      throw new Error(`--${name} (${flag.env}) must be a number ≥ ${flag.min}, got "${text}"`);
    out[name] = value;
  }
  return out;
}

/** A string flag from parseArgs' values, undefined when absent. */
export function stringValue(values: Readonly<Record<string, unknown>>, key: string): string | undefined {
  const v = values[key];
  return typeof v === 'string' ? v : undefined;
}

/** The flags every fan-out bench takes besides its numbers: where results go, a server profile, help. */
export const OUTPUT_FLAGS = {
  results: { type: 'string' },
  'no-write': { type: 'boolean' },
  'server-prof': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** What OUTPUT_FLAGS asked for: the results file (null with --no-write) and the profile directory. */
export function outputOptions(values: Readonly<Record<string, unknown>>): { resultsFile: string | null; serverProfDir: string | null } {
  return {
    resultsFile: values['no-write'] === true ? null : (stringValue(values, 'results') ?? 'bench/RESULTS.md'),
    serverProfDir: stringValue(values, 'server-prof') ?? null,
  };
}

/** The fleet's options from the values of FLEET_FLAGS; throws when there are more subscribers per document than devices. */
export function fleetOptions(n: Readonly<Record<keyof typeof FLEET_FLAGS, number>>): FleetOptions {
  const options: FleetOptions = {
    devices: Math.floor(n.devices),
    docs: Math.floor(n.docs),
    subsPerDoc: Math.floor(n.subs),
    rate: n.rate,
    durationS: n.duration,
    warmupS: n.warmup,
    drainS: n.drain,
    connectBatch: Math.floor(n['connect-batch']),
  };
  if (options.subsPerDoc > options.devices) throw new Error(`--subs (${options.subsPerDoc}) cannot exceed --devices (${options.devices})`);
  return options;
}

/**
 * Runs a bench's `parse`: on a bad flag prints what is wrong and the usage, and exits with 2; on --help
 * (`parse` returns null) prints the usage and returns null.
 */
export function optionsOrExit<T>(parse: () => T | null, usage: string): T | null {
  let options: T | null;
  try {
    options = parse();
  } catch (err: unknown) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n\n${usage}`);
    process.exit(2);
  }
  if (!options) console.log(usage);
  return options;
}

/** Parses argv and env; throws with the flag's name on a bad value. Returns null when --help was asked. */
export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): BenchOptions | null {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      ...numericArgs(NUMERIC),
      ...OUTPUT_FLAGS,
    },
    strict: true,
  });
  if (values.help === true) return null;
  const n = numericValues(NUMERIC, values, env);
  return {
    ...fleetOptions(n),
    targetP99Ms: n['target-p99'],
    ...outputOptions(values),
  };
}
