/**
 * `node --import tsx scripts/runTogether.ts script…`: runs npm scripts at the same time, each line of their
 * output prefixed with the script's name, and exits non-zero if any of them failed, after all have ended
 * (a failure in one lane never hides another's), and then prints each failed lane's report again, last, where
 * a tail of the output still shows it. `npm test` runs the integration suite's two storage passes
 * this way: each keeps about one core busy, so side by side they take little longer than one alone.
 */
import { spawn } from 'node:child_process';
import readline from 'node:readline';
import { FailureDigest } from './failureDigest';

/** Enough for Vitest's report of a few failures, short enough to stay in the tail CI shows. */
const DIGEST_LINES = 60;

interface LaneResult {
  readonly script: string;
  readonly code: number;
  readonly seconds: number;
  readonly digest: FailureDigest;
}

function runLane(script: string, width: number): Promise<LaneResult> {
  const started = performance.now();
  const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
  const label = `[${script}]`.padEnd(width + 2);
  const digest = new FailureDigest(DIGEST_LINES);
  for (const [stream, out] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ] as const) {
    readline.createInterface({ input: stream }).on('line', (line) => {
      out.write(`${label} ${line}\n`);
      digest.push(line);
    });
  }
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      const seconds = Math.round((performance.now() - started) / 1000);
      resolve({ script, code: code ?? (signal ? 1 : 0), seconds, digest });
    });
  });
}

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error('usage: node --import tsx scripts/runTogether.ts <npm script> [<npm script>…]');
  process.exit(2);
}
const width = Math.max(...scripts.map((s) => s.length));
const results = await Promise.all(scripts.map((s) => runLane(s, width)));
for (const r of results.filter((lane) => lane.code !== 0)) {
  console.log(`\n── ${r.script} failed; its report again ──`);
  for (const line of r.digest.lines()) console.log(line);
}
for (const r of results) console.log(`${r.script.padEnd(width)}  ${r.code === 0 ? 'passed' : `FAILED (exit ${r.code})`} in ${r.seconds} s`);
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
