import { ensureFdLimit } from '../fdLimit';
import { gitCommit, machine, machineLine } from '../report';
import { writeSection } from '../resultsFile';
import { REPO_ROOT } from '../serverProcess';
import {
  COMPARISON_HEADER,
  comparisonRows,
  GENERATOR_HEADER,
  generatorRows,
  GOAL,
  historyLine,
  lostOf,
  markdownTable,
  passedAll,
  summarize,
  type Comparison,
  type LevelResult,
} from './compareReport';
import { docsFor, measure, type Level, type RunResult } from './measure';
import { parseOptions, USAGE, type CompareOptions } from './options';
import { orderTemplate, startDabba, startStock, type StockStore, type Target, type TargetName } from './targets';

/**
 * `npm run bench:sync`: Dabba and the stock `@y/websocket-server` side by side, each on a fresh process,
 * under the same loads from the same generator (stock y-websocket clients), with the ratios the goal asks for.
 */

const log = (line: string): void => console.log(`[bench:sync] ${line}`);
const mib = (bytes: number): string => (bytes / 2 ** 20).toFixed(0);
/** Each reference has a section of its own in the results file: the in-memory one is the goal's. */
const SECTION: Record<StockStore, { readonly start: string; readonly end: string; readonly title: string }> = {
  memory: {
    start: '<!-- bench:sync:start -->',
    end: '<!-- bench:sync:end -->',
    title: 'bench:sync: fan-out side by side with the stock y-websocket server',
  },
  leveldb: {
    start: '<!-- bench:sync:leveldb:start -->',
    end: '<!-- bench:sync:leveldb:end -->',
    title: 'bench:sync: side by side with the stock y-websocket server persisting to y-leveldb (`--stock-store leveldb`)',
  },
};

const METHOD = [
  'What is measured: one generator process opens one stock `y-websocket` client (`WebsocketProvider`, awareness and',
  'keepalive check as shipped, no permessage-deflate) per device, four devices per order document, and appends `note`',
  'events on a steady schedule, documents round-robin, devices taking turns within a document. Each load runs on each',
  'server three times by default (`--repeat`), alternating which goes first, each time on a fresh server process, and',
  'the comparison takes the median of each measure (a single run moved by a third from run to run on this machine);',
  'what any run lost counts. The servers: the stock `@y/websocket-server` (relays and keeps documents in memory, checks',
  'nothing), then Dabba as `npm start` runs it (`/sync/<doc>` with a sign-in token, every update checked and committed',
  'to SQLite before it is relayed), its documents created with `POST /api/orders`; the stock documents start from the',
  "same order state. Fan-out latency is a writer's `transact` to each other device's observer, both in the generator;",
  'CPU is the server process over the measured window (`/proc/<pid>`), RSS its highest sample in the window. Lost:',
  'deliveries that never arrived within the drain, plus sent events a fresh client does not find on the server, plus',
  `refusals. Goal: Dabba's p99 and CPU within ${GOAL.p99Ratio}× of the stock server's and RSS within ${GOAL.rssRatio}× at every`,
  `load, 0 lost, and p99 < ${GOAL.topP99Ms} ms at ${GOAL.topDevices.toLocaleString('en')} devices and ${GOAL.topRate} updates/s.`,
  '',
  'With `--stock-store leveldb` the stock server also persists every update with y-leveldb (its YPERSISTENCE option),',
  'after relaying it and without waiting for the disk; the goal is set against the in-memory server.',
  '',
  'The window starts after a warm-up under the same load (15 s by default), so that it measures a running server, not',
  "V8 compiling one: after 3 s, Dabba's optimizing compiler still took a fifth of its CPU in the window (perf), and",
  '`--trace-opt` counted 15–25 functions optimized per second in the first 8 s of load, a few per second after.',
  '',
  "Caveat: all devices live in one Node process on the same cores as the server, so every latency holds the generator's",
  'own delays (its schedule lateness and loop delay are in the second table).',
].join('\n');

async function runTarget(name: TargetName, level: Level, o: CompareOptions, seed: Uint8Array | null): Promise<RunResult> {
  const docs = docsFor(level, o.subsPerDoc);
  let target: Target;
  if (name === 'stock') {
    if (!seed) throw new Error('the stock server needs the order template');
    target = await startStock(docs, seed, o.stockStore);
  } else {
    target = await startDabba(docs, o.profDir);
  }
  log(`${name}: ${level.devices} devices, ${docs} documents, ${level.rate} updates/s (pid ${target.pid})`);
  try {
    return await measure(target, level, o, machine().cores, log);
  } finally {
    await target.stop();
  }
}

function render(c: Comparison, history: readonly string[]): string {
  const section = SECTION[c.options.stockStore];
  return [
    section.start,
    `## ${section.title}`,
    '',
    `Last run ${c.date.toISOString()} on ${machineLine(c)}; commit \`${c.commit}\`; load average ${c.machine.loadAvg.toFixed(2)} at start.`,
    `${c.options.durationS} s measured after ${c.options.warmupS} s warm-up, ${c.options.subsPerDoc} devices per document, ${c.options.drainS} s drain limit; ${c.options.repeat} run(s) of each server per load, alternating, medians compared.`,
    '',
    ...markdownTable(COMPARISON_HEADER, comparisonRows(c)),
    '',
    ...markdownTable(GENERATOR_HEADER, generatorRows(c)),
    '',
    METHOD,
    '',
    '### History',
    '',
    ...[historyLine(c), ...history].slice(0, 30),
    section.end,
  ].join('\n');
}

function printTable(header: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((v, i) => v.padEnd(widths[i] ?? 0)).join('  ');
  console.log([line(header), ...rows.map(line)].join('\n'));
}

async function main(): Promise<void> {
  // Every stock client listens for the process exit (to say it left); thousands of them are expected here.
  process.setMaxListeners(0);
  const parsed = parseOptions(process.argv.slice(2));
  if (parsed === 'help') {
    console.log(USAGE);
    return;
  }
  const o = parsed;
  const most = Math.max(...o.levels.map((l) => l.devices));
  ensureFdLimit(most * 2 + 500);
  const seed = o.targets.includes('stock') ? await orderTemplate() : null;
  const date = new Date();
  const levels: LevelResult[] = [];
  for (const level of o.levels) {
    const runs = new Map<TargetName, RunResult[]>(o.targets.map((name) => [name, []]));
    for (let repeat = 0; repeat < o.repeat; repeat += 1) {
      // Alternating which server goes first, so that neither always runs on a machine the other warmed.
      const order = repeat % 2 === 0 ? o.targets : [...o.targets].reverse();
      for (const name of order) {
        const run = await runTarget(name, level, o, seed);
        log(
          `${name}: p99 ${run.fanout.p99.toFixed(1)} ms, CPU ${run.cpuSeconds.toFixed(2)} s, RSS ${mib(run.rssIdle)} → ${mib(run.rssMax)} MiB, lost ${lostOf(run)}`,
        );
        log(`${name}: p99 of each second ${run.perSecondP99.map((v) => v.toFixed(0)).join(' ')} ms`);
        runs.get(name)?.push(run);
      }
    }
    const dabba = runs.get('dabba') ?? [];
    const stock = runs.get('stock') ?? [];
    if (dabba.length > 0 && stock.length > 0) levels.push({ level, dabba: summarize(dabba), stock: summarize(stock) });
  }
  if (levels.length === 0) return;
  const comparison: Comparison = { date, machine: machine(), commit: gitCommit(REPO_ROOT), options: o, levels };
  console.log('');
  printTable(COMPARISON_HEADER, comparisonRows(comparison));
  console.log('');
  printTable(GENERATOR_HEADER, generatorRows(comparison));
  if (o.resultsFile) {
    const { start, end } = SECTION[o.stockStore];
    writeSection(o.resultsFile, start, end, (history) => render(comparison, history));
    log(`wrote ${o.resultsFile}`);
  }
  const against = o.stockStore === 'memory' ? '' : ` (against the stock server on ${o.stockStore}, not the goal's reference)`;
  log(`${passedAll(comparison) ? 'goal met' : 'goal missed'}${against}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
