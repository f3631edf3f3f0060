import type { Received } from '../../sync/device';
import type { ClusterOptions } from '../options';
import type { Table } from '../table';
import { bytesOf } from './catchUp';
import type { ReconnectResult } from './reconnectPart';

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;
const pct = (v: number): string => `${v.toFixed(0)} %`;
const verdict = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');

function frames(r: Received): string {
  if (r.size === 0) return 'none';
  return [...r]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, t]) => `${t.frames}× ${kind} (${kb(t.bytes)})`)
    .join(', ');
}

/** Payload bytes received until caught up over the minimal Yjs diff. */
export function payloadRatio(r: ReconnectResult): number {
  return r.minimal.bytes > 0 ? bytesOf(r.catchUp.received) / r.minimal.bytes : Number.POSITIVE_INFINITY;
}

export function reconnectPassed(r: ReconnectResult, o: ClusterOptions): boolean {
  return r.catchUp.caughtUpMs < o.reconnectTargetMs && payloadRatio(r) <= o.reconnectTargetRatio && r.minimal.notCaughtUp === 0;
}

/** The reconnect results as (metric, value) rows. */
export function reconnectTable(r: ReconnectResult, o: ClusterOptions): Table {
  const c = r.catchUp;
  const payload = bytesOf(c.received);
  return {
    header: ['metric', 'value'],
    rows: [
      ['orders the device holds', `${r.orders}, on ${r.nodes} nodes: offline from node ${r.leftNode}, back on node ${r.rejoinNode}`],
      [
        'updates while it was away',
        `${r.updatesWritten} (${(r.updatesWritten / r.orders).toFixed(0)} per order) in ${(r.historyMs / 1000).toFixed(1)} s`,
      ],
      ['documents in memory per node on its return', r.docsLoadedAtReturn.join(' · ')],
      ['socket open', `${c.openMs.toFixed(0)} ms`],
      [
        `connect → all ${r.orders} caught up (target < ${o.reconnectTargetMs} ms)`,
        `${c.caughtUpMs.toFixed(0)} ms — ${verdict(c.caughtUpMs < o.reconnectTargetMs)}`,
      ],
      ['frames received until caught up', frames(c.received)],
      ['minimal Yjs diff (Σ encodeStateAsUpdate(server doc, device SV))', kb(r.minimal.bytes)],
      [
        `frame payload bytes ÷ minimal diff (target ≤ ${o.reconnectTargetRatio})`,
        `${kb(payload)} ÷ ${kb(r.minimal.bytes)} = ${payloadRatio(r).toFixed(3)} — ${verdict(payloadRatio(r) <= o.reconnectTargetRatio)}`,
      ],
      [
        'TCP bytes (HTTP upgrade, WebSocket framing) ÷ minimal diff',
        `${kb(c.wireBytes)} ÷ ${kb(r.minimal.bytes)} = ${(c.wireBytes / r.minimal.bytes).toFixed(3)}`,
      ],
      ['sent in the 500 ms after catching up', frames(c.after)],
      ['orders by status on the device after', [...r.minimal.statuses].map(([status, n]) => `${n} ${status}`).join(', ')],
      [
        'documents not equal to the server after',
        r.minimal.notCaughtUp === 0 ? '0' : `${r.minimal.notCaughtUp} (first ${r.minimal.firstNotCaughtUp ?? '?'})`,
      ],
      [
        'during catch-up: node CPU / waiting for a core; PostgreSQL CPU',
        `${pct(r.rejoinCpuPercent)} / ${pct(r.rejoinWaitPercent)}; ${pct(r.postgresCpuPercent)}`,
      ],
      ['other processes CPU during catch-up / load avg', `${pct(r.otherCpuPercent)} / ${r.loadAvg.toFixed(1)}`],
    ],
  };
}

/** One line for the history list in RESULTS.md. */
export function reconnectHistoryLine(r: ReconnectResult, commit: string, o: ClusterOptions): string {
  return (
    `- ${r.date.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${commit}: ${r.orders} orders, ${r.updatesWritten} updates away → ` +
    `caught up in ${r.catchUp.caughtUpMs.toFixed(0)} ms, ${payloadRatio(r).toFixed(3)}× the minimal diff, ` +
    `other processes ${pct(r.otherCpuPercent)} — ${verdict(reconnectPassed(r, o))}`
  );
}
