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
    expect([...(o?.parts ?? [])]).toEqual(['fanout', 'reconnect']);
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
    expect(() => parse('--parts', 'pipeline')).toThrow(/--parts/);
  });

  it('refuses more subscribers per order than devices', () => {
    expect(() => parse('--devices', '3', '--subs', '4')).toThrow(/--subs/);
  });
});
