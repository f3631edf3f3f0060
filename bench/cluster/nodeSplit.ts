import { serverOf } from '../sync/setup';
import { distribution, type Distribution } from '../sync/tracker';

/** Fan-out latencies split by where the receiver sat: on the writer's node, or on another one. */
export interface NodeSplit {
  readonly sameNode: Distribution;
  readonly crossNode: Distribution;
}

/** The tracker's fan-out samples: latency, writer and receiver device, index for index. */
export interface FanoutSamples {
  readonly fanoutMs: readonly number[];
  readonly fanoutFrom: readonly number[];
  readonly fanoutTo: readonly number[];
}

/**
 * Splits fan-out samples into deliveries to a device on the writer's own node (relayed by that node alone)
 * and to a device on another node (through Redis), with devices spread over `nodes` as the fleet connects them.
 */
export function splitByNode(samples: FanoutSamples, nodes: number): NodeSplit {
  if (samples.fanoutFrom.length !== samples.fanoutMs.length || samples.fanoutTo.length !== samples.fanoutMs.length) {
    throw new Error('fan-out samples, writers and receivers must line up');
  }
  const same: number[] = [];
  const cross: number[] = [];
  samples.fanoutMs.forEach((ms, i) => {
    const onWriters = serverOf(samples.fanoutFrom[i] ?? -1, nodes) === serverOf(samples.fanoutTo[i] ?? -1, nodes);
    (onWriters ? same : cross).push(ms);
  });
  return { sameNode: distribution(same), crossNode: distribution(cross) };
}
