import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';

/** The sizes the apps are used at: a phone, and a tablet held either way. */
export const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'landscape', width: 1180, height: 820 },
  { name: 'portrait', width: 820, height: 1180 },
] as const;

export type Size = (typeof SIZES)[number];

/**
 * Controls that a fixed or sticky bar covers: for each such bar and each visible control outside it,
 * whether the topmost element in the middle of their overlap belongs to the bar. Runs in the page.
 */
function controlsUnderBars(): string[] {
  const shown = (el: Element): boolean => {
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && style.display !== 'none' && style.opacity !== '0';
  };
  const describe = (el: Element): string => {
    const name = el.getAttribute('aria-label') ?? el.textContent.trim().slice(0, 40);
    const firstClass = el.classList.item(0);
    return `<${el.tagName.toLowerCase()}${firstClass ? ` .${firstClass}` : ''}> "${name}"`;
  };
  const bars = [...document.querySelectorAll('body *')].filter((el) => {
    const position = getComputedStyle(el).position;
    return (position === 'fixed' || position === 'sticky') && shown(el);
  });
  const controls = [
    ...document.querySelectorAll('button, a[href], input:not([type=hidden]), select, textarea, [role=button], [role=tab]'),
  ].filter(shown);
  const problems: string[] = [];
  for (const bar of bars) {
    const b = bar.getBoundingClientRect();
    for (const control of controls) {
      if (bar.contains(control) || control.contains(bar)) continue;
      const r = control.getBoundingClientRect();
      const left = Math.max(b.left, r.left);
      const right = Math.min(b.right, r.right);
      const top = Math.max(b.top, r.top);
      const bottom = Math.min(b.bottom, r.bottom);
      if (right - left < 1 || bottom - top < 1) continue;
      const onTop = document.elementFromPoint((left + right) / 2, (top + bottom) / 2);
      if (onTop && bar.contains(onTop)) problems.push(`${describe(control)} is under ${describe(bar)}`);
    }
  }
  return problems;
}

/** Fails unless `primary` is inside the viewport as the screen opens, and nothing sits on top of it. */
async function expectInReach(primary: Locator, size: Size): Promise<void> {
  await expect(primary).toBeVisible();
  const box = await primary.boundingBox();
  if (!box) throw new Error('the primary action has no box');
  expect(box.y, 'the primary action starts below the top edge').toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, `the primary action fits the ${size.height} px screen without scrolling`).toBeLessThanOrEqual(size.height);
  expect(box.x + box.width, 'the primary action fits the screen’s width').toBeLessThanOrEqual(size.width);
  const onTop = await primary.evaluate(
    (el, { x, y }) => {
      const hit = document.elementFromPoint(x, y);
      return hit !== null && (el.contains(hit) || hit.contains(el));
    },
    { x: box.x + box.width / 2, y: box.y + box.height / 2 },
  );
  expect(onTop, 'the primary action is the topmost thing where a finger would press it').toBe(true);
}

/** Serious and critical accessibility violations axe-core finds on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export interface ScreenCheckOptions {
  /** Where the screen is looked at: from the top (a page just opened) or where the app itself scrolled. */
  readonly opened?: 'at top' | 'where the app scrolled';
  /** Scan it with axe-core: once per screen, at the size its users mostly have (a scan takes seconds). */
  readonly scan?: boolean;
}

/**
 * One main screen at one size, as its users see it: its primary action in reach without scrolling,
 * no control under a fixed bar, no serious accessibility violation, and a screenshot kept with the
 * test's artifacts.
 */
export async function checkScreen(
  page: Page,
  screen: string,
  size: Size,
  primary: Locator,
  options: ScreenCheckOptions = {},
): Promise<void> {
  if ((options.opened ?? 'at top') === 'at top') await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: test.info().outputPath(`${screen}-${size.name}.png`) });
  await expectInReach(primary, size);
  expect(await page.evaluate(controlsUnderBars), `${screen} at ${size.name}: controls under a fixed bar`).toEqual([]);
  if (options.scan) expect(await seriousViolations(page), `${screen} at ${size.name}: accessibility`).toEqual([]);
}
