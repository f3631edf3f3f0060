import { parseArgs } from 'node:util';
import type { Level, RunOptions } from './measure';
import type { StockStore, TargetName } from './targets';

export interface CompareOptions extends RunOptions {
  readonly levels: readonly Level[];
  /** Which servers run: both by default (the comparison), or one alone while profiling. */
  readonly targets: readonly TargetName[];
  readonly resultsFile: string | null;
  /** Run Dabba under `--cpu-prof`, profiles written here. */
  readonly profDir: string | null;
  /** Where the stock server keeps documents: memory (as the goal is set), or y-leveldb (its own persistence). */
  readonly stockStore: StockStore;
  /** Runs of each server per level, alternating; the report takes the median of each measure. */
  readonly repeat: number;
}

export const USAGE = [
  'npm run bench:sync -- [flags]',
  '  --levels 1000:200,5000:400,10000:500   devices:updates-per-second',
  '  --repeat 3                             runs of each server per level, alternating; medians reported',
  '  --subs 4                               devices per order document',
  '  --duration 10 --warmup 15 --drain 10   measured, warm-up and drain seconds',
  '  --connect-batch 100                    devices connecting at once',
  '  --settle 3                             quiet seconds after connecting, before the warm-up',
  '  --only dabba|stock                     run one server (no ratios, nothing written)',
  '  --prof DIR                             run Dabba under --cpu-prof, profiles in DIR',
  '  --stock-store memory|leveldb           the stock server keeps documents in memory (the goal) or persists',
  '                                         them with y-leveldb (YPERSISTENCE), its results in a section of their own',
  '  --results FILE | --no-write            results file (default bench/RESULTS.md)',
].join('\n');

function positive(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, not "${text}"`);
  return n;
}

function parseLevels(text: string): Level[] {
  return text.split(',').map((pair) => {
    const [devices = '', rate = ''] = pair.split(':');
    return { devices: Math.round(positive('levels', devices)), rate: positive('levels', rate) };
  });
}

/** The options of one run; throws naming the flag that is wrong. */
export function parseOptions(argv: readonly string[]): CompareOptions | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      levels: { type: 'string', default: '1000:200,5000:400,10000:500' },
      repeat: { type: 'string', default: '3' },
      subs: { type: 'string', default: '4' },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '15' },
      drain: { type: 'string', default: '10' },
      'connect-batch': { type: 'string', default: '100' },
      settle: { type: 'string', default: '3' },
      only: { type: 'string' },
      prof: { type: 'string' },
      'stock-store': { type: 'string', default: 'memory' },
      results: { type: 'string', default: 'bench/RESULTS.md' },
      'no-write': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return 'help';
  const only = values.only;
  if (only !== undefined && only !== 'dabba' && only !== 'stock') throw new Error(`--only is dabba or stock, not "${only}"`);
  const stockStore = values['stock-store'];
  if (stockStore !== 'memory' && stockStore !== 'leveldb') throw new Error(`--stock-store is memory or leveldb, not "${stockStore}"`);
  const subsPerDoc = Math.round(positive('subs', values.subs));
  if (subsPerDoc < 2) throw new Error('--subs must be 2 or more: an update fans out to the other devices');
  return {
    levels: parseLevels(values.levels),
    subsPerDoc,
    durationS: positive('duration', values.duration),
    warmupS: Number(values.warmup),
    drainS: positive('drain', values.drain),
    connectBatch: Math.round(positive('connect-batch', values['connect-batch'])),
    settleS: Number(values.settle),
    targets: only ? [only] : ['stock', 'dabba'],
    // A run of one server has nothing to compare: it is for profiling, not for the record.
    resultsFile: values['no-write'] || only ? null : values.results,
    profDir: values.prof ?? null,
    stockStore,
    repeat: Math.round(positive('repeat', values.repeat)),
  };
}
