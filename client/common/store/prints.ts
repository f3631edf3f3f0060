import type { DabbaDb, PrintRow } from './db';

/** Remembers that a kitchen ticket was printed here, so the next one is labelled a reprint. */
export async function recordPrint(db: DabbaDb, orderId: string, at: number): Promise<void> {
  await db.transaction('rw', db.prints, async () => {
    const previous = await db.prints.get(orderId);
    await db.prints.put({ orderId, lastAt: at, count: (previous?.count ?? 0) + 1 });
  });
}

export async function listPrints(db: DabbaDb): Promise<PrintRow[]> {
  return db.prints.toArray();
}
