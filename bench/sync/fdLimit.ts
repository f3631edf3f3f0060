import { execFileSync, spawnSync } from 'node:child_process';

function softLimit(): number {
  const text = execFileSync('/bin/sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim();
  return text === 'unlimited' ? Number.POSITIVE_INFINITY : Number(text);
}

/**
 * Node cannot raise its own file-descriptor limit, so when the soft limit is below `needed` this re-runs the
 * bench under `ulimit -n <hard limit>` and exits with its status. Returns normally when the limit is enough.
 */
export function ensureFdLimit(needed: number): void {
  const soft = softLimit();
  if (soft >= needed) return;
  if (process.env.BENCH_FD_RAISED === '1') {
    console.warn(`warning: only ${soft} file descriptors (hard limit); ${needed} wanted, sockets may fail with EMFILE`);
    return;
  }
  console.log(`raising the file-descriptor limit from ${soft} and re-running`);
  const result = spawnSync(
    '/bin/sh',
    ['-c', 'ulimit -n "$(ulimit -Hn)"; exec "$@"', 'sh', process.execPath, ...process.execArgv, ...process.argv.slice(1)],
    { stdio: 'inherit', env: { ...process.env, BENCH_FD_RAISED: '1' } },
  );
  process.exit(result.status ?? 1);
}
