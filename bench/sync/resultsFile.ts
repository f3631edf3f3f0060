import fs from 'node:fs';
import { historyLine, machineLine, summaryRows, type BenchResult } from './report';

const HEADER = [
  '# Benchmark results',
  '',
  'Written by the benchmarks in `bench/`. Each benchmark owns one section between its markers and replaces it',
  'on every run; the history list at the end of a section keeps one line per run.',
  '',
].join('\n');

const NAME = 'bench:mux';
const START = `<!-- ${NAME}:start -->`;
const END = `<!-- ${NAME}:end -->`;
const HISTORY_HEADING = '### History';
const HISTORY_KEEP = 30;

const METHOD = [
  'What is measured: `npm run bench:mux` spawns the real server (the bundle `npm start` runs, `dist-server/main.mjs`) on a fresh',
  '`DATA_DIR`, with token auth, per-update validation (scratch-doc check, zod event schema, author = token user) and a',
  'durable SQLite commit before ACK (WAL, `synchronous=NORMAL`, the default). It creates the order documents with',
  '`POST /api/orders`, opens one `/sync` socket per device (all devices signed in as the demo outlet user), subscribes',
  'each document on its subscribers, then appends `note` events on a steady schedule, documents round-robin, writers',
  'taking turns within a document. Fan-out latency is the time from the writer handing the UPDATE frame to its socket',
  'to each other subscriber receiving the relayed SYNC update, both read with `performance.now()` in the bench process.',
  'A lost update is one never ACKed, or ACKed but not received by every other subscriber within the drain period; at',
  "the end a fresh socket loads every document and checks that each ACKed event is in the server's state.",
  '',
  'Caveat: all devices live in one Node process on the same 2 cores as the server, so every latency also holds the',
  "bench's own event-loop delay (its p99 is in the table) and the two processes compete for CPU. Real devices on",
  'their own machines would see less; the server CPU and RSS figures are the server process alone (`/proc/<pid>`).',
].join('\n');

/** The bench:mux section: run data, summary table, method, and the kept history with this run first. */
export function renderSection(r: BenchResult, history: readonly string[]): string {
  const rows = summaryRows(r);
  return [
    START,
    `## ${NAME}: WebSocket fan-out under load`,
    '',
    `Last run ${r.date.toISOString()} on ${machineLine(r)}; commit \`${r.commit}\`.`,
    '',
    '| metric | value |',
    '| --- | --- |',
    ...rows.map(([k, v]) => `| ${k} | ${v.replaceAll('|', '\\|')} |`),
    '',
    METHOD,
    '',
    HISTORY_HEADING,
    '',
    ...[historyLine(r), ...history].slice(0, HISTORY_KEEP),
    END,
  ].join('\n');
}

/** History lines kept in an existing section (newest first), listed under `heading`. */
export function readHistory(section: string, heading = HISTORY_HEADING): string[] {
  const at = section.indexOf(`\n${heading}\n`);
  if (at < 0) return [];
  return section
    .slice(at + heading.length + 2)
    .split('\n')
    .filter((line) => line.startsWith('- '));
}

/**
 * Replaces (or appends) one benchmark's section of `file`, between its `start` and `end` markers,
 * leaving every other section as it was. `render` gets the history lines the old section kept.
 * Spliced by position, not String.replace, so a `$` in the new text is written as it is.
 */
export function writeSection(
  file: string,
  start: string,
  end: string,
  render: (history: readonly string[]) => string,
  historyHeading = HISTORY_HEADING,
): void {
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : HEADER;
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  if (from >= 0 && to > from) {
    const section = render(readHistory(current.slice(from, to + end.length), historyHeading));
    fs.writeFileSync(file, current.slice(0, from) + section + current.slice(to + end.length));
    return;
  }
  fs.writeFileSync(file, `${current.trimEnd()}\n\n${render([])}\n`);
}

/** Replaces (or adds) the bench:mux section of `file`, leaving every other section as it was. */
export function writeResults(file: string, r: BenchResult): void {
  writeSection(file, START, END, (history) => renderSection(r, history));
}
