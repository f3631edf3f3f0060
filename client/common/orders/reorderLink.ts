import { z } from 'zod';
import type { ReorderLine } from '../../../shared/track';

/** The query parameter the ordering page reads its "Order again" lines from. */
export const REORDER_PARAM = 'again';

/** Short keys: the whole cart travels in the link, and a long order should still fit any URL limit. */
const wireSchema = z
  .array(
    z.object({
      i: z.string().min(1).max(100),
      q: z.number().int().min(1).max(99),
      m: z.array(z.tuple([z.string().min(1).max(100), z.string().min(1).max(100)])).max(50),
    }),
  )
  .min(1)
  .max(100);

/**
 * `/order/<outlet>?again=…`: the outlet's ordering page with these lines put in the cart. The tracking
 * page builds it, the ordering page reads it (parseReorder); neither app imports the other.
 */
export function reorderPath(outletId: string, lines: readonly ReorderLine[]): string {
  const wire = lines.map((l) => ({ i: l.itemId, q: l.qty, m: l.modifiers.map((m) => [m.groupId, m.optionId]) }));
  return `/order/${encodeURIComponent(outletId)}?${new URLSearchParams({ [REORDER_PARAM]: JSON.stringify(wire) }).toString()}`;
}

/** The lines an "Order again" link carries, or null when the page's query has none (or a mangled one). */
export function parseReorder(search: string): ReorderLine[] | null {
  const raw = new URLSearchParams(search).get(REORDER_PARAM);
  if (raw === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = wireSchema.safeParse(json);
  if (!parsed.success) return null;
  return parsed.data.map((l) => ({ itemId: l.i, qty: l.q, modifiers: l.m.map(([groupId, optionId]) => ({ groupId, optionId })) }));
}

/** The page's query without the "Order again" lines, so a reload does not put them in the cart twice. */
export function withoutReorder(search: string): string {
  const params = new URLSearchParams(search);
  params.delete(REORDER_PARAM);
  const rest = params.toString();
  return rest ? `?${rest}` : '';
}
