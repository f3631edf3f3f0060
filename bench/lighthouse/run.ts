/** `npm run bench:lighthouse`: Lighthouse (mobile) scores of every app's first page; see bench/RESULTS.md. */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { placeDeliveryOrder } from '../../tests/e2e/support/deliveryOrder';
import { TestServer } from '../../tests/e2e/support/testServer';
import { gitCommit, machine } from '../sync/report';
import { writeSection } from '../sync/resultsFile';
import { audit, type Audit } from './audit';
import { END, meets, renderSection, START, type PageResult } from './section';

const ROOT = path.resolve(import.meta.dirname, '../..');
const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const CHROME = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const log = (line: string): void => console.log(`[bench:lighthouse] ${line}`);

/** The run with the median performance score: one slow or lucky run does not decide. */
function median(runs: readonly Audit[]): Audit {
  const sorted = [...runs].sort((a, b) => a.performance - b.performance);
  const middle = sorted[Math.floor(sorted.length / 2)];
  if (!middle) throw new Error('no Lighthouse run');
  return middle;
}

async function main(): Promise<void> {
  const server = await TestServer.create();
  await server.start();
  try {
    const { trackingUrl } = await placeDeliveryOrder(server.url, 'Lighthouse');
    const pages = [
      { app: 'landing', path: '/' },
      { app: 'order: outlets', path: '/order/' },
      { app: 'order: menu', path: '/order/demo-outlet' },
      { app: 'track', path: new URL(trackingUrl, server.url).pathname },
      { app: 'outlet', path: '/outlet/' },
      { app: 'driver', path: '/driver/' },
      { app: 'admin', path: '/admin/' },
    ];
    const results: PageResult[] = [];
    for (const page of pages) {
      const runs: Audit[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await audit(`${server.url}${page.path}`, CHROME));
      const chosen = median(runs);
      results.push({ ...page, audit: chosen, performanceRange: runs.map((r) => r.performance) });
      log(
        `${page.app}: performance ${chosen.performance} (runs ${runs.map((r) => r.performance).join(', ')}), accessibility ${chosen.accessibility}, ` +
          `best practices ${chosen.bestPractices}, FCP ${chosen.fcpMs} ms, LCP ${chosen.lcpMs} ms, TBT ${chosen.tbtMs} ms` +
          (meets(chosen) ? '' : ` — below target; failing audits: ${chosen.failing.join('; ')}`),
      );
    }
    const file = path.join(ROOT, 'bench', 'RESULTS.md');
    writeSection(file, START, END, (history) =>
      renderSection({ date: new Date(), machine: machine(), commit: gitCommit(ROOT), runs: RUNS, pages: results }, history),
    );
    log('results written to bench/RESULTS.md');
    if (!results.every((r) => meets(r.audit))) process.exitCode = 1;
  } finally {
    await server.stop();
    rmSync(server.dataDir, { recursive: true, force: true });
  }
}

await main();
