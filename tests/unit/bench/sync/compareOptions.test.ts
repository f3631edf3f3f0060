import { describe, expect, it } from 'vitest';
import { parseOptions } from '../../../../bench/sync/compare/options';

const parsed = (argv: readonly string[]) => {
  const o = parseOptions(argv);
  if (o === 'help') throw new Error('asked for help');
  return o;
};

describe('bench:sync options', () => {
  it('compare with the stock server keeping documents in memory unless told otherwise', () => {
    expect(parsed([]).stockStore).toBe('memory');
    expect(parsed(['--stock-store', 'leveldb']).stockStore).toBe('leveldb');
  });

  it('refuse a stock store they do not know, naming the flag', () => {
    expect(() => parsed(['--stock-store', 'redis'])).toThrow(/--stock-store is memory or leveldb/);
  });

  it('write results only when both servers run', () => {
    expect(parsed([]).resultsFile).toBe('bench/RESULTS.md');
    expect(parsed(['--only', 'dabba']).resultsFile).toBeNull();
    expect(parsed(['--no-write']).resultsFile).toBeNull();
  });

  it('run each server three times per load unless told otherwise, and refuse a count that is not positive', () => {
    expect(parsed([]).repeat).toBe(3);
    expect(parsed(['--repeat', '1']).repeat).toBe(1);
    expect(() => parsed(['--repeat', '0'])).toThrow(/--repeat must be a positive number/);
  });
});
