import type { Page } from '@playwright/test';
import type { Seed } from './seed';

/**
 * The parts of the bench that run inside the page. Playwright sends these functions as source, so
 * each is self-contained; tsx may wrap inner functions in `__name`, which the page gets as a no-op.
 */
export const NAME_SHIM = 'window.__name = (f) => f;';

type BenchWindow = Window & { benchBoardAt?: number };

/**
 * Installed before the app loads: notes when the board first shows all `total` orders, with a card
 * in its column for every open one (each column loads on its own).
 */
export function watchBoard(total: number): void {
  const w = window as BenchWindow;
  const seen = (): boolean => {
    const board = document.querySelector(`[data-board-total="${total}"]`);
    return board !== null && board.querySelectorAll('article[data-order-id]').length === Number(board.getAttribute('data-open-count'));
  };
  const observer = new MutationObserver(() => {
    if (w.benchBoardAt === undefined && seen()) {
      w.benchBoardAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-board-total', 'data-count'] });
}

/** Writes the seed straight into the app's IndexedDB (created by one visit), replacing what was there. */
export async function writeSeed(seed: Seed): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('dabba');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
  });
  const stores = ['updates', 'orders', 'session', 'meta', 'phoneOrders', 'prints', 'refusals'];
  const tx = db.transaction(stores, 'readwrite');
  for (const name of stores) tx.objectStore(name).clear();
  const now = Date.now();
  for (const row of seed.updates) {
    const update = Uint8Array.from(atob(row.update), (c) => c.charCodeAt(0));
    tx.objectStore('updates').add({ docName: row.docName, update, unsynced: 0, createdAt: now });
  }
  for (const order of seed.orders) tx.objectStore('orders').put(order);
  tx.objectStore('session').put(seed.session);
  tx.objectStore('meta').put({ key: 'orderProjection', value: seed.projectionVersion });
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('seeding failed'));
  });
  db.close();
}

export interface ClickTiming {
  /** Click → the card is in the DOM with its new status. */
  readonly dom: number;
  /** Click → the first frame after that (what the eye sees). */
  readonly frame: number;
  readonly refused: string | null;
}

/**
 * Clicks "Mark preparing" on an accepted order's card and times until the card shows it preparing.
 * Returns the refusal text instead when the command refused (its document not loaded yet).
 */
export async function clickMarkPreparing(orderId: string): Promise<ClickTiming> {
  const selector = `article[data-order-id="${orderId}"]`;
  const card = document.querySelector(selector);
  const button = [...(card?.querySelectorAll('button') ?? [])].find((b) => b.textContent === 'Mark preparing');
  if (!card || !button) throw new Error(`no "Mark preparing" on ${orderId}`);
  const done = `${selector}[data-status="preparing"]`;
  const start = performance.now();
  const dom = await new Promise<number | null>((resolve) => {
    const check = (): boolean => {
      if (document.querySelector(done)) {
        resolve(performance.now() - start);
        return true;
      }
      if (document.querySelector(`${selector} [role="alert"]`)) {
        resolve(null);
        return true;
      }
      return false;
    };
    const observer = new MutationObserver(() => {
      if (check()) observer.disconnect();
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    button.click();
    setTimeout(() => {
      observer.disconnect();
      resolve(null);
    }, 10_000);
  });
  if (dom === null) {
    return {
      dom: Number.NaN,
      frame: Number.NaN,
      refused: document.querySelector(`${selector} [role="alert"]`)?.textContent ?? 'no change within 10 s',
    };
  }
  await new Promise((resolve) => requestAnimationFrame(resolve));
  return { dom, frame: performance.now() - start, refused: null };
}

/**
 * Resolves once the page's main thread has been idle for `quietMs` in a row (the device finished
 * loading the orders it holds), with the time that happened.
 */
export async function settled(quietMs: number): Promise<number> {
  let quietSince = performance.now();
  for (;;) {
    const before = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const now = performance.now();
    // A timer more than a few ms late means something else held the main thread.
    if (now - before > 35) quietSince = now;
    else if (now - quietSince >= quietMs) return quietSince;
  }
}

/** The page's JS heap in MiB, where the browser reports it. */
export function heapMiB(): number {
  const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
  return memory ? memory.usedJSHeapSize / 1024 ** 2 : Number.NaN;
}

export async function boardOpenedAt(page: Page, timeoutMs: number): Promise<number> {
  await page.waitForFunction(() => (window as BenchWindow).benchBoardAt !== undefined, undefined, { timeout: timeoutMs, polling: 50 });
  return page.evaluate(() => (window as BenchWindow).benchBoardAt ?? Number.NaN);
}
