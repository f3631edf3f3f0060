import { DEFAULTS, type PipelineOptions } from '../pipeline/options';
import { runPipeline, type PipelineResult } from '../pipeline/pipeline';
import { consoleTable } from '../pipeline/report';
import { specName, type ClusterSpec } from './cluster';
import type { ClusterOptions } from './options';

/** One setup's rate series: every rate tried, lowest first, up to and including the first not sustained. */
export interface PipelineSetup {
  readonly name: string;
  readonly spec: ClusterSpec;
  readonly steps: readonly PipelineResult[];
}

/** Seconds after the last order for every order of the window to be delivered before it counts as stuck. */
export const PIPELINE_DRAIN_S = 20;

/** One rate on `spec`: bench:pipeline's defaults (drivers, tablets, warm-up, p99 bound) with this bench's flags. */
export function pipelineOptions(spec: ClusterSpec, o: ClusterOptions, rate: number): PipelineOptions {
  return {
    ...DEFAULTS,
    nodes: spec.nodes,
    storage: spec.storage,
    rate,
    durationS: o.pipelineDurationS,
    drainS: PIPELINE_DRAIN_S,
    history: o.pipelineHistory,
  };
}

/**
 * The whole order pipeline (bench:pipeline's runPipeline) on `spec` at each of the rates in turn, a fresh
 * cluster each; past the first rate that could not be kept, higher ones only take time.
 */
export async function runPipelineSetup(spec: ClusterSpec, o: ClusterOptions, log: (line: string) => void): Promise<PipelineSetup> {
  const name = specName(spec);
  const steps: PipelineResult[] = [];
  for (const rate of o.pipelineRates) {
    const result = await runPipeline(pipelineOptions(spec, o, rate), (line) => log(`${name}, ${rate}/s: ${line}`), o.serverProfDir);
    steps.push(result);
    console.log(consoleTable(result));
    if (!result.sustained) break;
  }
  return { name, spec, steps };
}
