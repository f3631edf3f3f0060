import type { Kysely } from 'kysely';
import { OutletIdSchema, type OutletId } from '../../shared/ids';
import type { Database } from './sql/schema';

export interface OutletRow {
  readonly id: OutletId;
  readonly name: string;
}

/**
 * Outlets by id, on either dialect: the pattern every repository is ported by (one Kysely query per
 * statement, rows parsed into domain types as they are mapped, nothing dialect-specific).
 */
export class OutletRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** By name in byte order (capitals first), as SQLite's BINARY collation and PostgreSQL's COLLATE "C" sort. */
  async list(): Promise<OutletRow[]> {
    const rows = await this.db.selectFrom('outlets').select(['id', 'name']).orderBy('name').execute();
    return rows.map((r) => ({ id: OutletIdSchema.parse(r.id), name: r.name }));
  }

  async exists(id: string): Promise<boolean> {
    const row = await this.db.selectFrom('outlets').select('id').where('id', '=', id).executeTakeFirst();
    return row !== undefined;
  }

  /** Adds the outlet, or renames it: created_at stays when it was first added. */
  async upsert(id: OutletId, name: string): Promise<void> {
    await this.db
      .insertInto('outlets')
      .values({ id, name, created_at: Date.now() })
      .onConflict((conflict) => conflict.column('id').doUpdateSet((eb) => ({ name: eb.ref('excluded.name') })))
      .execute();
  }
}
