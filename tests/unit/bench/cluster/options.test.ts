import { describe, expect, it } from 'vitest';
import { parseOptions } from '../../../../bench/cluster/options';

const parse = (...argv: string[]) => parseOptions(argv, {});

describe('bench:cluster options', () => {
  it("defaults to the issue's load: 10,000 devices, 4 per order, 500 updates/s, SQLite then 1 and 3 nodes", () => {
    const o = parse();
    expect(o).toMatchObject({ devices: 10_000, docs: 2_500, subsPerDoc: 4, rate: 500, durationS: 10, reconnectOrders: 200 });
    expect(o?.setups).toEqual([
      { storage: 'sqlite', nodes: 1 },
      { storage: 'postgres', nodes: 1 },
      { storage: 'postgres', nodes: 3 },
    ]);
    expect([...(o?.parts ?? [])]).toEqual(['fanout', 'reconnect', 'pipeline']);
  });

  it('derives the number of orders from a scaled-down fleet unless given', () => {
    expect(parse('--devices', '1000', '--rate', '100')?.docs).toBe(250);
    expect(parse('--devices', '1000', '--docs', '100')?.docs).toBe(100);
  });

  it('reads the setups and parts asked for, and refuses unknown ones', () => {
    const o = parse('--setups', 'pg1,pg5', '--parts', 'reconnect');
    expect(o?.setups).toEqual([
      { storage: 'postgres', nodes: 1 },
      { storage: 'postgres', nodes: 5 },
    ]);
    expect([...(o?.parts ?? [])]).toEqual(['reconnect']);
    expect(() => parse('--setups', 'mysql')).toThrow(/--setups/);
    expect(() => parse('--parts', 'orders')).toThrow(/--parts/);
  });

  it('steps the pipeline through 8 to 100 orders/s, 20 s each, on 100,000 past orders unless told otherwise', () => {
    expect(parse()).toMatchObject({
      pipelineRates: [8, 16, 24, 32, 40, 48, 56, 64, 80, 100],
      pipelineHistory: 100_000,
      pipelineDurationS: 20,
    });
  });

  it('runs the pipeline part alone on the setups asked for, with its rates, history and duration', () => {
    const o = parse(
      '--parts',
      'pipeline',
      '--setups',
      'sqlite,pg2',
      '--pipeline-rates',
      '2, 4',
      '--pipeline-history',
      '500',
      '--pipeline-duration',
      '5',
      '--server-prof',
      '/tmp/prof',
    );
    expect([...(o?.parts ?? [])]).toEqual(['pipeline']);
    expect(o).toMatchObject({ pipelineRates: [2, 4], pipelineHistory: 500, pipelineDurationS: 5, serverProfDir: '/tmp/prof' });
  });

  it('reads the pipeline flags from their env variables when not given', () => {
    const env = { BENCH_PIPELINE_RATES: '10,20', BENCH_PIPELINE_HISTORY: '0', BENCH_PIPELINE_DURATION: '30' };
    expect(parseOptions([], env)).toMatchObject({ pipelineRates: [10, 20], pipelineHistory: 0, pipelineDurationS: 30 });
    expect(parseOptions(['--pipeline-rates', '5'], env)?.pipelineRates).toEqual([5]);
  });

  it('refuses a bad pipeline value, naming its flag', () => {
    expect(() => parse('--pipeline-rates', '8,fast')).toThrow(/--pipeline-rates/);
    expect(() => parse('--pipeline-rates', '0,8')).toThrow(/--pipeline-rates/);
    expect(() => parse('--pipeline-rates', '16,8')).toThrow(/--pipeline-rates .*rising/);
    expect(() => parse('--pipeline-history', '-1')).toThrow(/--pipeline-history/);
    expect(() => parse('--pipeline-duration', '0')).toThrow(/--pipeline-duration/);
  });

  it('refuses more subscribers per order than devices', () => {
    expect(() => parse('--devices', '3', '--subs', '4')).toThrow(/--subs/);
  });
});
