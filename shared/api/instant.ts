import { z } from 'zod';

/** A time as epoch milliseconds or an ISO 8601 date or date-time ("2024-05-01", "2024-05-01T18:30:00+05:30"). */
export const instantSchema = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const ms = /^\d+$/.test(value) ? Number(value) : /^\d{4}-\d{2}-\d{2}/.test(value) ? Date.parse(value) : Number.NaN;
    if (Number.isSafeInteger(ms)) return ms;
    ctx.addIssue({ code: 'custom', message: 'use epoch milliseconds or an ISO 8601 date' });
    return z.NEVER;
  });

const DAY_MS = 24 * 3_600_000;

/**
 * The check of a report range: `from` (inclusive) before `to` (exclusive), at most `maxDays` apart.
 * For `.superRefine` on a query with both.
 */
export const withinDays =
  (maxDays: number) =>
  (q: { readonly from: number; readonly to: number }, ctx: z.RefinementCtx): void => {
    if (q.to <= q.from) ctx.addIssue({ code: 'custom', message: 'to must be after from', path: ['to'] });
    else if (q.to - q.from > maxDays * DAY_MS)
      ctx.addIssue({ code: 'custom', message: `the range may be at most ${maxDays} days`, path: ['to'] });
  };
