import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { startOfLocalDay } from '../../shared/order/board';
import { chromiumLaunchOptions } from '../../tests/e2e/support/chromium';
import { gitCommit, machine } from '../sync/report';
import { boardOpenedAt, clickMarkPreparing, heapMiB, NAME_SHIM, settled, watchBoard, writeSeed, type ClickTiming } from './browser';
import { distribution, passed, summaryRows, writeResults, type OutletBenchResult } from './results';
import { buildSeed } from './seed';
import { serveBuild } from './staticServer';

/** `npm run bench:outlet`: the outlet board with a day's worth of orders on the device; see bench/RESULTS.md. */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ORDERS = Number(process.env.BENCH_ORDERS ?? 2_000);
const OPEN_RUNS = Number(process.env.BENCH_OPEN_RUNS ?? 7);
const CLICKS = Number(process.env.BENCH_CLICKS ?? 40);
const TARGET_MS = 100;
const MINUTE = 60_000;

const log = (line: string): void => console.log(`[bench:outlet] ${line}`);

interface OpenTiming {
  readonly open: number;
  readonly afterScript: number;
  readonly interactive: number;
  readonly settled: number;
}

/** Reloads and returns navigation → board, script → board, navigation → a status change works, and → the device is idle. */
async function openOnce(page: Page, probe: string): Promise<OpenTiming> {
  await page.reload();
  const open = await boardOpenedAt(page, 60_000);
  const scriptEnd = await page.evaluate(() => {
    const scripts = performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes('/assets/') && e.name.endsWith('.js')) as PerformanceResourceTiming[];
    return Math.max(0, ...scripts.map((s) => s.responseEnd));
  });
  // The first status change that goes through: every order document the device holds has loaded.
  let interactive = Number.NaN;
  for (let attempt = 0; attempt < 600 && Number.isNaN(interactive); attempt += 1) {
    const ok = await page.evaluate(async (id) => {
      const card = document.querySelector(`article[data-order-id="${id}"]`);
      if (card?.getAttribute('data-status') !== 'accepted') return true;
      const loaded = await new Promise<boolean>((resolve) => {
        const button = [...card.querySelectorAll('button')].find((b) => b.textContent === 'Accept' || b.textContent === 'Mark preparing');
        button?.click();
        setTimeout(() => resolve(document.querySelector(`article[data-order-id="${id}"]`)?.getAttribute('data-status') !== 'accepted'), 30);
      });
      return loaded;
    }, probe);
    if (ok) interactive = await page.evaluate(() => performance.now());
    else await page.waitForTimeout(50);
  }
  return { open, afterScript: open - scriptEnd, interactive, settled: await page.evaluate(settled, 1_000) };
}

async function main(): Promise<void> {
  const dist = path.join(ROOT, 'dist');
  if (!existsSync(path.join(dist, 'outlet', 'index.html'))) throw new Error('dist/outlet is missing: run `npm run build` first');
  const site = await serveBuild(dist);
  const browser = await chromium.launch({ ...chromiumLaunchOptions, headless: true });
  try {
    const now = Date.now();
    const seed = buildSeed(ORDERS, Math.max(startOfLocalDay(now) + MINUTE, now - 10 * 60 * MINUTE), now);
    const cards = seed.orders.filter((o) => !['delivered', 'rejected', 'cancelled', 'failed'].includes(o.status)).length;
    log(`seeded ${seed.orders.length} orders (${cards} open, ${seed.accepted.length} accepted) in Node`);

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(NAME_SHIM);
    await context.addInitScript(watchBoard, seed.orders.length);
    const page = await context.newPage();
    page.on('pageerror', (error) => log(`page error: ${error.message}`));
    await page.goto(`${site.url}/outlet/`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.evaluate(writeSeed, seed);
    log('wrote the seed into IndexedDB');

    // Each open run uses a fresh accepted order to probe readiness; the clicks use the rest.
    const opens: OpenTiming[] = [];
    for (let run = 0; run < OPEN_RUNS; run += 1) {
      const probe = seed.accepted[run];
      if (!probe) throw new Error('not enough accepted orders to probe');
      opens.push(await openOnce(page, probe));
      const last = opens.at(-1);
      log(
        `open ${run + 1}/${OPEN_RUNS}: board ${last?.open.toFixed(0)} ms, status change works at ${last?.interactive.toFixed(0)} ms, idle at ${last?.settled.toFixed(0)} ms`,
      );
    }

    // Clicks run on a settled device (openOnce waited for it): the steady state of a kitchen's day.
    const clicks: ClickTiming[] = [];
    for (const id of seed.accepted.slice(OPEN_RUNS, OPEN_RUNS + CLICKS)) {
      const timing = await page.evaluate(clickMarkPreparing, id);
      if (timing.refused) throw new Error(`the status change was refused: ${timing.refused}`);
      clicks.push(timing);
      await page.waitForTimeout(100);
    }
    const result: OutletBenchResult = {
      date: new Date(),
      machine: machine(),
      commit: gitCommit(ROOT),
      chromium: `Chromium ${browser.version()}`,
      orders: seed.orders.length,
      onBoard: await page.evaluate(() => Number(document.querySelector('[data-board-total]')?.getAttribute('data-board-total'))),
      cards: await page.locator('article[data-order-id]').count(),
      open: distribution(opens.map((o) => o.open)),
      openAfterScript: distribution(opens.map((o) => o.afterScript)),
      interactive: distribution(opens.map((o) => o.interactive)),
      settled: distribution(opens.map((o) => o.settled)),
      clickDom: distribution(clicks.map((c) => c.dom)),
      clickFrame: distribution(clicks.map((c) => c.frame)),
      heapMiB: await page.evaluate(heapMiB),
      targetMs: TARGET_MS,
    };
    log(`click → frame, each: ${clicks.map((c) => c.frame.toFixed(0)).join(' ')}`);
    for (const [k, v] of summaryRows(result)) log(`${k}: ${v}`);
    writeResults(path.join(ROOT, 'bench', 'RESULTS.md'), result);
    log('results written to bench/RESULTS.md');
    if (!passed(result)) process.exitCode = 1;
  } finally {
    await browser.close();
    await site.close();
  }
}

await main();
