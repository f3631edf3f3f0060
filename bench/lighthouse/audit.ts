import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';

/** Pinned: 13 needs Node 22. Fetched by npx on first use, so `npm ci` does not carry it for CI. */
export const LIGHTHOUSE = 'lighthouse@12.2.3';

const run = promisify(execFile);

const Report = z.object({
  categories: z.object({
    performance: z.object({ score: z.number().nullable() }),
    accessibility: z.object({ score: z.number().nullable() }),
    'best-practices': z.object({ score: z.number().nullable() }),
  }),
  audits: z.record(
    z.string(),
    z.object({ numericValue: z.number().optional(), score: z.number().nullable().optional(), title: z.string() }),
  ),
});

export interface Audit {
  readonly performance: number;
  readonly accessibility: number;
  readonly bestPractices: number;
  /** First and largest contentful paint and total blocking time, ms, as Lighthouse simulates a mid-range phone on slow 4G. */
  readonly fcpMs: number;
  readonly lcpMs: number;
  readonly tbtMs: number;
  /** Titles of the accessibility and best-practice audits that failed, to say what to fix. */
  readonly failing: readonly string[];
}

const percent = (score: number | null): number => Math.round((score ?? 0) * 100);

/** One Lighthouse run (mobile, simulated throttling: its defaults) of `url` in the system Chromium. */
export async function audit(url: string, chromePath: string): Promise<Audit> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dabba-lighthouse-'));
  const output = path.join(dir, 'report.json');
  try {
    await run(
      'npx',
      [
        '--yes',
        LIGHTHOUSE,
        url,
        '--quiet',
        '--output=json',
        `--output-path=${output}`,
        '--only-categories=performance,accessibility,best-practices',
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
      ],
      { env: { ...process.env, CHROME_PATH: chromePath }, maxBuffer: 64 * 1024 * 1024 },
    );
    const report = Report.parse(JSON.parse(readFileSync(output, 'utf8')));
    const value = (id: string): number => Math.round(report.audits[id]?.numericValue ?? Number.NaN);
    const failing = Object.values(report.audits)
      .filter((a) => a.score === 0)
      .map((a) => a.title);
    return {
      performance: percent(report.categories.performance.score),
      accessibility: percent(report.categories.accessibility.score),
      bestPractices: percent(report.categories['best-practices'].score),
      fcpMs: value('first-contentful-paint'),
      lcpMs: value('largest-contentful-paint'),
      tbtMs: value('total-blocking-time'),
      failing,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
