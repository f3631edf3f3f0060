import { describe, expect, it } from 'vitest';
import { splitByNode } from '../../../../bench/cluster/nodeSplit';

describe('splitting fan-out samples by node', () => {
  it('counts a delivery as same-node when writer and receiver connect to the same node round-robin', () => {
    // Three nodes: devices 0 and 3 share node 0, device 1 is on node 1, device 5 on node 2.
    const split = splitByNode({ fanoutMs: [1, 2, 30, 40], fanoutFrom: [0, 3, 0, 1], fanoutTo: [3, 0, 1, 5] }, 3);
    expect(split.sameNode.count).toBe(2);
    expect(split.sameNode.max).toBe(2);
    expect(split.crossNode.count).toBe(2);
    expect(split.crossNode.p50).toBe(30);
  });

  it('has every delivery on the same node with one node and none across', () => {
    const split = splitByNode({ fanoutMs: [5, 6], fanoutFrom: [0, 7], fanoutTo: [9, 2] }, 1);
    expect(split.sameNode.count).toBe(2);
    expect(split.crossNode).toMatchObject({ count: 0, p99: 0 });
  });

  it('refuses samples whose writers and receivers do not line up with the latencies', () => {
    expect(() => splitByNode({ fanoutMs: [1, 2], fanoutFrom: [0], fanoutTo: [1, 2] }, 3)).toThrow(/line up/);
  });
});
