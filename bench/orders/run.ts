import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import type { DocRef } from '../../shared/docNames';
import { newEventId, OrderIdSchema, UserIdSchema } from '../../shared/ids';
import { createOrderDoc, eventsArray, readOrder } from '../../shared/order/orderDoc';
import { MAX_EVENTS_PER_ORDER } from '../../shared/protocol/limits';
import type { Actor } from '../../shared/roles';
import { createLogger } from '../../sync-server/log';
import { openSqlStorage } from '../../sync-server/storage/sql/open';
import { DocStore } from '../../sync-server/storage/docStore';
import { DocRegistry } from '../../sync-server/sync/docRegistry';
import type { Subscriber, SyncedDoc } from '../../sync-server/sync/syncedDoc';
import { distribution, type Distribution } from '../outlet/results';
import { gitCommit, machine, machineLine, type Machine } from '../sync/report';
import { writeSection } from '../sync/resultsFile';
import { demoHeader } from './header';

/**
 * bench:orders — what one device commit costs on an order of a given length: the server's check on
 * the scratch copy, the durable SQLite append, and the order view plug-ins read after every commit.
 * Also timed: a full readOrder of the same document, which is what each commit cost before the
 * incremental fold. In process, no sockets: this isolates the per-commit work from the network.
 */
const LENGTHS = [10, 100, 1_000, MAX_EVENTS_PER_ORDER - 100];
const COMMITS = 100;
const ACTOR: Actor = { id: UserIdSchema.parse('admin-bench'), role: 'admin' };
const REF: DocRef = { kind: 'order', orderId: OrderIdSchema.parse('bench-order') };

interface Row {
  readonly events: number;
  readonly commit: Distribution;
  readonly fullRead: Distribution;
}

class BenchDevice implements Subscriber {
  readonly actor = ACTOR;
  readonly doc = new Y.Doc();
  sendUpdate(): void {}
  sendAwareness(): void {}
  dropped(): void {}
}

function note(at: number) {
  return { id: newEventId(), type: 'note', at, by: { id: ACTOR.id, role: ACTOR.role }, text: 'bench' };
}

async function change(doc: SyncedDoc, device: BenchDevice, fn: (d: Y.Doc) => void): Promise<void> {
  const before = Y.encodeStateVector(device.doc);
  device.doc.transact(() => fn(device.doc));
  const result = await doc.commitFrom(device, Y.encodeStateAsUpdate(device.doc, before));
  if (!result.ok) throw new Error(`refused: ${result.error.code} ${result.error.message}`);
}

async function measure(length: number): Promise<Row> {
  const log = createLogger('silent');
  const storage = await openSqlStorage(
    { dialect: 'sqlite', dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'bench-orders-')), sync: 'normal' },
    log,
  );
  const registry = new DocRegistry(new DocStore(storage.db), 60_000, log);
  const doc = await registry.acquire(REF);
  const start = Date.now() - 3_600_000;
  await doc.change((y) => createOrderDoc(y, demoHeader(start)));
  const device = new BenchDevice();
  Y.applyUpdate(device.doc, doc.stateAsUpdate());
  let at = start + 1;
  await change(doc, device, (d) => eventsArray(d).push(Array.from({ length: length - 1 }, () => note(at++))));
  const commit: number[] = [];
  const fullRead: number[] = [];
  for (let i = 0; i < COMMITS; i++) {
    const t0 = performance.now();
    await change(doc, device, (d) => eventsArray(d).push([note(at++)]));
    doc.orderView();
    commit.push(performance.now() - t0);
    const t1 = performance.now();
    readOrder(doc.ydoc);
    fullRead.push(performance.now() - t1);
  }
  await registry.closeAll();
  await storage.close();
  return { events: length, commit: distribution(commit), fullRead: distribution(fullRead) };
}

const ms = (d: Distribution): string => `${d.p50.toFixed(3)} / ${d.p99.toFixed(3)} ms`;
const START = '<!-- bench:orders:start -->';
const END = '<!-- bench:orders:end -->';

function render(rows: readonly Row[], m: Machine, commit: string, history: readonly string[]): string {
  const date = new Date();
  const line = `- ${date.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${commit}: ${rows.map((r) => `${r.events} events ${r.commit.p50.toFixed(3)} ms`).join(', ')}`;
  return [
    START,
    "## bench:orders: the cost of one commit by the order's length",
    '',
    `Last run ${date.toISOString()} on ${machineLine({ machine: m })}; commit \`${commit}\`.`,
    '',
    '| events in the order | one device commit + order view, p50 / p99 | full readOrder (the old per-commit cost), p50 / p99 |',
    '| --- | --- | --- |',
    ...rows.map((r) => `| ${r.events} | ${ms(r.commit)} | ${ms(r.fullRead)} |`),
    '',
    `What is measured: \`npm run bench:orders\` commits ${COMMITS} single-note updates from one signed-in device through the`,
    'real `SyncedDoc.commitFrom` (client-id ownership, the scratch-copy check, causal and finality checks, the durable',
    'SQLite append through Kysely) and then reads `orderView()` as every plug-in does, on an order already holding the given number of',
    'events. The last column times a full `readOrder` of the same document: parse, mark and fold every event, which is',
    'what every commit did before the incremental fold. In one process, no sockets.',
    '',
    '### History',
    '',
    ...[line, ...history].slice(0, 30),
    END,
  ].join('\n');
}

const rows: Row[] = [];
for (const length of LENGTHS) rows.push(await measure(length));
for (const r of rows) console.log(`${String(r.events).padStart(5)} events: commit ${ms(r.commit)}, full read ${ms(r.fullRead)}`);
const file = path.resolve(import.meta.dirname, '../RESULTS.md');
const commit = gitCommit(path.resolve(import.meta.dirname, '../..'));
writeSection(file, START, END, (history) => render(rows, machine(), commit, history));
