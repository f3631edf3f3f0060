import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { specName, type ClusterSpec } from '../../../../bench/cluster/cluster';
import { parseOptions } from '../../../../bench/cluster/options';
import { writePipeline } from '../../../../bench/cluster/resultsFile';
import { step } from './pipelineSteps';

const HOST = { cpu: 'AMD EPYC', cores: 2, ramGiB: 23.5, node: 'v20.20.2', os: 'Linux', loadAvg: 1 };
const PG1: ClusterSpec = { storage: 'postgres', nodes: 1 };
const SETUPS = [{ name: specName(PG1), spec: PG1, steps: [step({ rate: 8, sustained: true }), step({ rate: 16, sustained: false })] }];

const OLD = [
  '# Benchmark results',
  '',
  '<!-- bench:cluster:start -->',
  '## bench:cluster: one node against three (issue 11)',
  '',
  '<!-- bench:cluster:fanout:start -->',
  '### Fan-out: measured before',
  '<!-- bench:cluster:fanout:end -->',
  '',
  '<!-- bench:cluster:pipeline:start -->',
  '### Order pipeline across nodes (orders/s)',
  '',
  'Not measured yet.',
  '<!-- bench:cluster:pipeline:end -->',
  '<!-- bench:cluster:end -->',
  '',
  '## hand-written notes after',
  '',
].join('\n');

let dir = '';
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(initial: string | null): string {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-results-'));
  const file = path.join(dir, 'RESULTS.md');
  if (initial !== null) fs.writeFileSync(file, initial);
  const o = parseOptions(['--pipeline-rates', '8,16'], {});
  if (!o) throw new Error('options expected');
  writePipeline(file, new Date('2026-12-06T10:00:00Z'), HOST, 'abc1234', o, SETUPS);
  return fs.readFileSync(file, 'utf8');
}

describe('bench:cluster pipeline sub-section', () => {
  it('replaces the reserved pipeline sub-section and leaves the other parts and notes as they were', () => {
    const text = write(OLD);
    expect(text).not.toContain('Not measured yet');
    expect(text).toContain('### Fan-out: measured before');
    expect(text).toContain('## hand-written notes after');
    const section = text.slice(text.indexOf('<!-- bench:cluster:pipeline:start -->'), text.indexOf('<!-- bench:cluster:pipeline:end -->'));
    expect(section).toContain('| PostgreSQL + Redis, 1 node | 8 orders/s |');
    expect(section).toContain('Every rate tried on PostgreSQL + Redis, 1 node:');
    expect(section).toContain('| 16/s |');
    expect(section).toContain('1 node vs goal (≥ 100 orders/s on one node): PostgreSQL + Redis, 1 node 8 orders/s — not met.');
    expect(section).toMatch(/#### History\n\n- 2026-12-06 10:00 UTC, abc1234: /);
  });

  it('keeps earlier history lines under the newest', () => {
    const first = write(OLD);
    const again = write(first.replace('abc1234:', 'old0000:'));
    expect(again).toMatch(/#### History\n\n- 2026-12-06 10:00 UTC, abc1234: .*\n- 2026-12-06 10:00 UTC, old0000: /);
  });

  it('adds the bench:cluster section with a place for every part to a file without one', () => {
    const text = write(null);
    expect(text).toContain('### fanout: not run yet');
    expect(text).toContain('### reconnect: not run yet');
    expect(text).toContain('### Order pipeline: sustained orders/s on one node and on several');
  });
});
