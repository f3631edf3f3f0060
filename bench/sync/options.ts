import { parseArgs } from 'node:util';

/** What one `npm run bench:sync` run does. Every flag has an env fallback and a default (the target load). */
export interface BenchOptions {
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
  /** Pass/fail line for the fan-out p99, milliseconds. */
  readonly targetP99Ms: number;
  /** Sockets opened at once while connecting. */
  readonly connectBatch: number;
  /** Where the results section is written; null with --no-write. */
  readonly resultsFile: string | null;
  /** Directory for a `--cpu-prof` profile of the server; null for none. */
  readonly serverProfDir: string | null;
}

interface Flag {
  readonly env: string;
  readonly fallback: number;
  readonly min: number;
  readonly help: string;
}

const NUMERIC: Record<'devices' | 'docs' | 'subs' | 'rate' | 'duration' | 'warmup' | 'drain' | 'target-p99' | 'connect-batch', Flag> = {
  devices: { env: 'BENCH_DEVICES', fallback: 1000, min: 2, help: 'devices (sockets)' },
  docs: { env: 'BENCH_DOCS', fallback: 250, min: 1, help: 'order documents' },
  subs: { env: 'BENCH_SUBS_PER_DOC', fallback: 4, min: 2, help: 'subscribers per document' },
  rate: { env: 'BENCH_RATE', fallback: 200, min: 1, help: 'updates per second, total' },
  duration: { env: 'BENCH_DURATION', fallback: 30, min: 1, help: 'measured seconds' },
  warmup: { env: 'BENCH_WARMUP', fallback: 5, min: 0, help: 'warm-up seconds' },
  drain: { env: 'BENCH_DRAIN', fallback: 5, min: 0, help: 'drain seconds after the last update' },
  'target-p99': { env: 'BENCH_TARGET_P99_MS', fallback: 20, min: 0, help: 'p99 target, ms' },
  'connect-batch': { env: 'BENCH_CONNECT_BATCH', fallback: 50, min: 1, help: 'sockets opened at once' },
};

export const USAGE = [
  'npm run bench:sync -- [flags]   (each flag also reads its env variable)',
  ...Object.entries(NUMERIC).map(([name, f]) => `  --${name.padEnd(14)} ${f.env.padEnd(20)} ${f.help} (default ${f.fallback})`),
  '  --results FILE                       results file (default bench/RESULTS.md)',
  '  --no-write                           print only, leave the results file alone',
  '  --server-prof DIR                    run the server with --cpu-prof, profile written to DIR',
].join('\n');

function numberFrom(name: keyof typeof NUMERIC, raw: string | undefined, env: NodeJS.ProcessEnv): number {
  const flag = NUMERIC[name];
  const text = raw ?? env[flag.env];
  if (text === undefined || text === '') return flag.fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < flag.min) throw new Error(`--${name} (${flag.env}) must be a number ≥ ${flag.min}, got "${text}"`);
  return value;
}

/** Parses argv and env; throws with the flag's name on a bad value. Returns null when --help was asked. */
export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): BenchOptions | null {
  const numericFlags = Object.fromEntries(Object.keys(NUMERIC).map((k) => [k, { type: 'string' as const }]));
  const { values } = parseArgs({
    args: [...argv],
    options: {
      ...numericFlags,
      results: { type: 'string' },
      'no-write': { type: 'boolean' },
      'server-prof': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help === true) return null;
  const str = (key: string): string | undefined => {
    const v: unknown = (values as Record<string, unknown>)[key];
    return typeof v === 'string' ? v : undefined;
  };
  const num = (key: keyof typeof NUMERIC): number => numberFrom(key, str(key), env);
  const options: BenchOptions = {
    devices: Math.floor(num('devices')),
    docs: Math.floor(num('docs')),
    subsPerDoc: Math.floor(num('subs')),
    rate: num('rate'),
    durationS: num('duration'),
    warmupS: num('warmup'),
    drainS: num('drain'),
    targetP99Ms: num('target-p99'),
    connectBatch: Math.floor(num('connect-batch')),
    resultsFile: values['no-write'] === true ? null : (str('results') ?? 'bench/RESULTS.md'),
    serverProfDir: str('server-prof') ?? null,
  };
  if (options.subsPerDoc > options.devices) throw new Error(`--subs (${options.subsPerDoc}) cannot exceed --devices (${options.devices})`);
  return options;
}
