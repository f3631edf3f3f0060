import { describe, expect, it } from 'vitest';
import { FailureDigest } from '../../../scripts/failureDigest';

const VITEST_FAILURE = [
  ' ✓ tests/integration/a.test.ts (3 tests) 900ms',
  '\u001b[31m⎯⎯⎯⎯⎯⎯⎯ Failed Tests 1 ⎯⎯⎯⎯⎯⎯⎯\u001b[39m',
  ' FAIL  integration  tests/integration/fanout/threeNodes.test.ts > every device holds every note',
  'Error: Test timed out in 60000ms.',
  ' Test Files  1 failed | 105 passed (106)',
];

describe('a failed lane’s digest', () => {
  it('is Vitest’s report from its first rule on, without colour codes', () => {
    const digest = new FailureDigest(60);
    for (const line of ['noise', ...VITEST_FAILURE]) digest.push(line);
    expect(digest.lines()).toEqual([
      '⎯⎯⎯⎯⎯⎯⎯ Failed Tests 1 ⎯⎯⎯⎯⎯⎯⎯',
      ' FAIL  integration  tests/integration/fanout/threeNodes.test.ts > every device holds every note',
      'Error: Test timed out in 60000ms.',
      ' Test Files  1 failed | 105 passed (106)',
    ]);
  });

  it('keeps the start of a long report rather than its end, which only repeats the counts', () => {
    const digest = new FailureDigest(3);
    for (const line of ['⎯ Failed Suites 2 ⎯', 'first error', 'its stack', 'second error', 'summary']) digest.push(line);
    expect(digest.lines()).toEqual(['⎯ Failed Suites 2 ⎯', 'first error', 'its stack']);
  });

  it('is the last lines of output that has no report, such as a crash before the run', () => {
    const digest = new FailureDigest(2);
    for (const line of ['starting', 'Error: Cannot find module', '    at load (node:internal)']) digest.push(line);
    expect(digest.lines()).toEqual(['Error: Cannot find module', '    at load (node:internal)']);
  });
});
