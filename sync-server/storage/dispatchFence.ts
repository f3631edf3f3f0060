import type { Kysely } from 'kysely';
import type { WrittenAlong } from './docStore';
import type { Database } from './sql/schema';

/** The fence of the one dispatch leader (every order); the table has room for narrower scopes. */
const SCOPE = 'dispatch';

/**
 * A dispatch write of a term that has ended: a newer leader claimed a higher fence. Its transaction was
 * rolled back, so nothing of it is stored; the node that made it must stop leading.
 */
export class FenceLost extends Error {
  constructor(readonly fence: number) {
    super(`dispatch fence ${fence} is no longer the highest: another node leads dispatch`);
    this.name = 'FenceLost';
  }
}

export type FenceClaim = { readonly claimed: true } | { readonly claimed: false; readonly highest: number };

/**
 * Fencing of dispatch leaders in storage (migrations/0014_dispatch_fence.ts). A term's token comes from
 * the lease (leadership/redisLease.ts) and only ever grows; storage keeps the highest claimed. Every write
 * a leader makes checks, in its own transaction, that no higher token was claimed since, so writes of a
 * deposed leader that still runs fail whatever it believes. On PostgreSQL the check locks the row: a
 * claim and a deposed leader's write are ordered, and the write after the claim sees the higher token.
 */
export class DispatchFence {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Starts a term: raises the stored token to `fence`, which must be above it. Refused when it is not
   * (the lease's counter is behind, as after Redis lost its data): `highest` says where it must go on from.
   */
  async claim(fence: number): Promise<FenceClaim> {
    const raised = await this.db
      .updateTable('dispatch_fence')
      .set({ fence })
      .where('scope', '=', SCOPE)
      .where('fence', '<', fence)
      .executeTakeFirst();
    return raised.numUpdatedRows === 1n ? { claimed: true } : { claimed: false, highest: await this.highest() };
  }

  async highest(): Promise<number> {
    const row = await this.db.selectFrom('dispatch_fence').select('fence').where('scope', '=', SCOPE).executeTakeFirst();
    return row?.fence ?? 0;
  }

  /** The check each write of the term makes in its transaction; throws FenceLost, rolling it back, once a newer term claimed. */
  guard(fence: number): WrittenAlong {
    return async (trx) => {
      const checked = await trx
        .updateTable('dispatch_fence')
        .set({ fence })
        .where('scope', '=', SCOPE)
        .where('fence', '<=', fence)
        .executeTakeFirst();
      if (checked.numUpdatedRows !== 1n) throw new FenceLost(fence);
    };
  }
}
