import type { RejectCode } from '../../../shared/protocol/rejectCodes';
import type { DabbaDb, RefusalRow } from './db';

export async function recordRefusal(db: DabbaDb, docName: string, code: RejectCode, message: string): Promise<void> {
  await db.refusals.add({ docName, code, message, at: Date.now() });
}

export async function listRefusals(db: DabbaDb): Promise<RefusalRow[]> {
  return db.refusals.orderBy('id').toArray();
}

export async function dismissRefusal(db: DabbaDb, id: number): Promise<void> {
  await db.refusals.delete(id);
}
