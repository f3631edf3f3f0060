import type { DabbaDb } from './db';

/**
 * How many of an order's lost changes staff have seen on this device. A closed order whose change
 * lost a merge (marked ready here, cancelled elsewhere) stays in view until someone has read it.
 */
const PREFIX = 'seenConflicts:';

export async function markConflictsSeen(db: DabbaDb, orderId: string, count: number): Promise<void> {
  await db.meta.put({ key: `${PREFIX}${orderId}`, value: count });
}

export async function seenConflictCounts(db: DabbaDb): Promise<Map<string, number>> {
  const rows = await db.meta.where('key').startsWith(PREFIX).toArray();
  return new Map(rows.flatMap((r) => (typeof r.value === 'number' ? [[r.key.slice(PREFIX.length), r.value] as const] : [])));
}
