import { DEFAULTS } from '../pipeline/options';
import type { PipelineResult } from '../pipeline/pipeline';
import { bestText, cpuPerOrder, sustainedRate } from '../pipeline/report';
import { perNode } from './fanoutReport';
import type { ClusterOptions } from './options';
import { PIPELINE_DRAIN_S, type PipelineSetup } from './pipelinePart';
import type { Table } from './table';

/** Issue 11's goal for the whole pipeline: this many orders per second on one node. */
export const PIPELINE_GOAL = 100;

const ms = (v: number | undefined): string => (v !== undefined && Number.isFinite(v) ? `${v.toFixed(0)} ms` : '—');
const pct = (v: number): string => `${v.toFixed(0)} %`;

/** The highest rate `setup` sustained, and its step; null when it kept none. */
function bestStep(setup: PipelineSetup): { readonly rate: number; readonly step: PipelineResult } | null {
  const rate = sustainedRate(setup.steps);
  const step = setup.steps.find((s) => s.options.rate === rate);
  return rate === null || step === undefined ? null : { rate, step };
}

/** One line saying what every setup ran. */
export function pipelineLoadLine(o: ClusterOptions): string {
  const d = DEFAULTS;
  return (
    `rates ${o.pipelineRates.join(', ')} orders/s in turn, each on a fresh cluster with ${o.pipelineHistory.toLocaleString('en')} ` +
    `past orders; ${d.warmupS} s warm-up, ${o.pipelineDurationS} s measured, ${PIPELINE_DRAIN_S} s drain; ${d.drivers} drivers × ` +
    `capacity ${d.capacity}, ${d.tablets} outlet tablets; sustained = 0 stuck, completed ≥ 95 % of offered, ` +
    `sent → delivered p99 ≤ ${d.targetP99Ms} ms`
  );
}

/** One row per setup: the highest rate it sustained and what that rate cost; dashes when it kept none. */
export function pipelineSummary(setups: readonly PipelineSetup[]): Table {
  return {
    header: [
      'setup',
      'highest sustained rate',
      'completed/s',
      'sent → delivered p50 / p99',
      'server CPU per completed order',
      'node CPU, % of one core',
      'PostgreSQL CPU',
    ],
    rows: setups.map((setup) => {
      const best = bestStep(setup);
      const reached = bestText(setup.steps, best?.rate ?? null);
      if (best === null) return [setup.name, reached, '—', '—', '—', '—', '—'];
      const { step } = best;
      const e2e = step.spans.at(-1)?.d;
      return [
        setup.name,
        reached,
        step.accounting.deliveredPerS.toFixed(1),
        `${ms(e2e?.p50)} / ${ms(e2e?.p99)}`,
        cpuPerOrder(step),
        perNode(
          step.usage.nodes.map((n) => n.cpuPercent),
          pct,
        ),
        step.usage.postgresCpuPercent === null ? 'n/a (SQLite)' : pct(step.usage.postgresCpuPercent),
      ];
    }),
  };
}

/** Each one-node setup against the goal: met, not met, or not shown when every rate tried was below it and kept. */
export function goalLine(setups: readonly PipelineSetup[]): string {
  const head = `1 node vs goal (≥ ${PIPELINE_GOAL} orders/s on one node)`;
  const single = setups.filter((s) => s.spec.nodes === 1);
  if (single.length === 0) return `${head}: no one-node setup was run`;
  const each = single.map((setup) => {
    const rate = sustainedRate(setup.steps);
    const verdict =
      rate !== null && rate >= PIPELINE_GOAL
        ? 'met'
        : setup.steps.every((s) => s.sustained)
          ? `not shown (no rate of ${PIPELINE_GOAL} or more was tried)`
          : 'not met';
    return `${setup.name} ${bestText(setup.steps, rate)} — ${verdict}`;
  });
  return `${head}: ${each.join('; ')}`;
}

/** One line for the history list in RESULTS.md. */
export function pipelineHistoryLine(date: Date, commit: string, o: ClusterOptions, setups: readonly PipelineSetup[]): string {
  const each = setups
    .map((setup) => {
      const best = bestStep(setup);
      if (best === null) return `${setup.name}: none sustained`;
      const e2e = best.step.spans.at(-1)?.d;
      return `${setup.name}: ${bestText(setup.steps, best.rate)}, p99 ${ms(e2e?.p99)}, ${cpuPerOrder(best.step)} CPU/order`;
    })
    .join('; ');
  const other = Math.max(0, ...setups.flatMap((s) => s.steps.map((x) => x.usage.otherCpuPercent)));
  const history = o.pipelineHistory.toLocaleString('en');
  return `- ${date.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${commit}: rates ${o.pipelineRates.join(',')}, ${history} past orders → ${each}; other processes up to ${pct(other)}`;
}
