import type { z } from 'zod';
import type { DabbaDb } from '../../../common/store/db';

/** A small value the admin device keeps between starts, read back through its schema: stored data is never trusted. */
export async function readMetaJson<T>(db: DabbaDb, key: string, schema: z.ZodType<T>): Promise<T | null> {
  const row = await db.meta.get(key);
  if (typeof row?.value !== 'string') return null;
  try {
    const parsed = schema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function writeMetaJson(db: DabbaDb, key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value: JSON.stringify(value) });
}
