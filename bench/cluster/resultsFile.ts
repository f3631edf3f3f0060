import fs from 'node:fs';
import { stepTable } from '../pipeline/report';
import { machineLine, type Machine } from '../sync/report';
import { writeSection } from '../sync/resultsFile';
import type { SetupResult } from './fanoutPart';
import { fanoutHistoryLine, fanoutTable, loadLine } from './fanoutReport';
import { PARTS, type ClusterOptions, type Part } from './options';
import type { PipelineSetup } from './pipelinePart';
import { goalLine, pipelineHistoryLine, pipelineLoadLine, pipelineSummary } from './pipelineReport';
import type { ReconnectResult } from './reconnect/reconnectPart';
import { reconnectHistoryLine, reconnectTable } from './reconnect/reconnectReport';
import { markdown } from './table';

/**
 * bench:cluster owns one section of RESULTS.md made of sub-sections, one per part, each between markers of
 * its own so that a run of one part leaves the others as they were.
 */
const marker = (name: string, edge: 'start' | 'end'): string => `<!-- bench:cluster${name ? `:${name}` : ''}:${edge} -->`;
const HISTORY = '#### History';
const HISTORY_KEEP = 20;

const SKELETON = [
  marker('', 'start'),
  '## bench:cluster: one node against three (issue 11)',
  '',
  '`npm run bench:cluster` (`-- --help` for its flags). Nodes are server processes on this machine sharing one',
  'PostgreSQL and one Redis (fan-out of committed updates and presence through pub/sub); each setup gets a fresh',
  'database, dropped after, and a Redis key prefix of its own. Every part below is replaced by its own runs.',
  '',
  ...PARTS.flatMap((part) => [marker(part, 'start'), `### ${part}: not run yet`, marker(part, 'end'), '']),
  marker('', 'end'),
].join('\n');

const FANOUT_METHOD = [
  'Every setup runs the same load on fresh processes: the SQLite node as `bench:mux` runs it (no Redis), then one',
  'and several nodes on PostgreSQL + Redis. Device i connects to node i mod n, so the subscribers of a document sit',
  'on different nodes. Fan-out latency runs from the writer handing its UPDATE to the socket to each other subscriber',
  "receiving the relay, split by whether the receiver is on the writer's node (relayed by it) or another one (through",
  'Redis). Lost: never ACKed, or not received by every subscriber within the drain limit, plus ACKed events absent',
  'from what a fresh socket to each node loads. CPU is % of one core over the measured window (/proc); PostgreSQL is',
  "the backends of the run's database (pg_stat_activity), Redis its INFO cpu (a shared server: includes other users).",
  '',
  'Caveat: the nodes, PostgreSQL, Redis and every device share one machine and its cores, so more nodes here show',
  'what fan-out costs, not the capacity more machines would add; other processes on the machine are in the table.',
].join('\n');

const RECONNECT_METHOD = [
  'A device signed in as outlet staff syncs the delivery orders on node 0 and goes offline. Outlet staff (node 1), an',
  'admin (node 2) and the driver (node 0) then take every order from accepted to delivered, with notes, each update',
  'ACKed. The nodes unload a document 1 s after nobody holds it (`DABBA_DOC_IDLE_MS=1000`), so that, as hours later,',
  'every document is compacted and out of memory when the device comes back. It connects to node 1 and sends SYNC',
  'step1 with the state it held for every order at once, as the app does; timed from the start of the connection to',
  'every step2 applied. The minimal diff is Σ `Y.encodeStateAsUpdate(server doc, state vector the device held)`,',
  'computed here from full copies loaded over a fresh socket to node 2, which also shows the device equals the server.',
].join('\n');

const PIPELINE_METHOD = [
  "Each setup (the same as the fan-out's: one SQLite node, then one and several nodes on PostgreSQL + Redis) runs",
  "bench:pipeline's `runPipeline` at each rate in turn, every rate on a fresh cluster with the past orders written first,",
  'and stops at the first rate it does not sustain: the highest sustained rate is what one setup keeps up with. What a',
  'rate runs (orders over HTTP, outlet tablets, dispatch, driver devices) and its per-step latencies are described in',
  'the bench:pipeline section above; `npm run bench:pipeline` runs one setup, with the detail of every step. Completed/s,',
  'latency and CPU in the summary are those of the highest sustained rate; server CPU per completed order is the CPU of',
  "every node over the measured window ÷ the completed rate, PostgreSQL the backends of the run's database.",
  '',
  'Caveat: as for the fan-out, the nodes, PostgreSQL, Redis and every device share one machine, so more nodes here show',
  'what spreading the pipeline costs, not the capacity more machines would add; other processes are in the "other CPU" column.',
].join('\n');

function ensureSkeleton(file: string): void {
  if (fs.existsSync(file) && fs.readFileSync(file, 'utf8').includes(marker('', 'start'))) return;
  writeSection(file, marker('', 'start'), marker('', 'end'), () => SKELETON);
}

function ranLine(date: Date, host: Machine, commit: string): string {
  return `Last run ${date.toISOString()} on ${machineLine({ machine: host })}; commit \`${commit}\`.`;
}

/** Replaces one part's sub-section with its heading and `body`, then the history list with `latest` first. */
function writePart(file: string, part: Part, body: readonly string[], latest: string): void {
  ensureSkeleton(file);
  const render = (history: readonly string[]): string =>
    [marker(part, 'start'), ...body, '', HISTORY, '', ...[latest, ...history].slice(0, HISTORY_KEEP), marker(part, 'end')].join('\n');
  writeSection(file, marker(part, 'start'), marker(part, 'end'), render, HISTORY);
}

export function writeFanout(
  file: string,
  date: Date,
  host: Machine,
  commit: string,
  o: ClusterOptions,
  results: readonly SetupResult[],
): void {
  const other = results.map((r) => `${r.name} ${r.otherCpuPercent.toFixed(0)} % (load avg ${r.loadAvg.toFixed(1)})`).join(', ');
  const body = [
    '### Fan-out: the same load on one node and on several',
    '',
    ranLine(date, host, commit),
    `Load: ${loadLine(o)}.`,
    `Other processes on the machine during the measured windows, % of one core: ${other}.`,
    '',
    markdown(fanoutTable(results)),
    '',
    FANOUT_METHOD,
  ];
  writePart(file, 'fanout', body, fanoutHistoryLine(date, commit, o, results));
}

export function writeReconnect(file: string, host: Machine, commit: string, o: ClusterOptions, r: ReconnectResult): void {
  const body = [
    `### Reconnect: a device offline for a shift catches up on ${r.orders} orders`,
    '',
    ranLine(r.date, host, commit),
    '',
    markdown(reconnectTable(r, o)),
    '',
    RECONNECT_METHOD,
  ];
  writePart(file, 'reconnect', body, reconnectHistoryLine(r, commit, o));
}

export function writePipeline(
  file: string,
  date: Date,
  host: Machine,
  commit: string,
  o: ClusterOptions,
  setups: readonly PipelineSetup[],
): void {
  const body = [
    '### Order pipeline: sustained orders/s on one node and on several',
    '',
    ranLine(date, host, commit),
    `Load: ${pipelineLoadLine(o)}.`,
    `${goalLine(setups)}.`,
    '',
    markdown(pipelineSummary(setups)),
    '',
    ...setups.flatMap((s) => [`Every rate tried on ${s.name}:`, '', markdown(stepTable(s.steps)), '']),
    PIPELINE_METHOD,
  ];
  writePart(file, 'pipeline', body, pipelineHistoryLine(date, commit, o, setups));
}
