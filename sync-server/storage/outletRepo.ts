import { OutletIdSchema, type OutletId } from '../../shared/ids';
import type { Db } from './db';

export interface OutletRow {
  readonly id: OutletId;
  readonly name: string;
}

export class OutletRepo {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      list: db.prepare<[], { id: string; name: string }>('SELECT id, name FROM outlets ORDER BY name'),
      get: db.prepare<[string], { id: string; name: string }>('SELECT id, name FROM outlets WHERE id = ?'),
      upsert: db.prepare<[string, string, number]>(
        'INSERT INTO outlets (id, name, created_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name',
      ),
    };
  }

  list(): OutletRow[] {
    return this.s.list.all().map((r) => ({ id: OutletIdSchema.parse(r.id), name: r.name }));
  }

  exists(id: string): boolean {
    return this.s.get.get(id) !== undefined;
  }

  upsert(id: OutletId, name: string): void {
    this.s.upsert.run(id, name, Date.now());
  }
}
