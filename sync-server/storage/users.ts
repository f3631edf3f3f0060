import type { OutletId, UserId } from '../../shared/ids';
import type { Role } from '../../shared/roles';
import type { Db } from './db';

export interface UserRecord {
  readonly id: UserId;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly outletId: OutletId | null;
  readonly passwordHash: string;
}

interface Row { id: string; email: string; name: string; role: Role; outlet_id: string | null; password_hash: string }

const toRecord = (r: Row): UserRecord => ({
  id: r.id as UserId, email: r.email, name: r.name, role: r.role, outletId: r.outlet_id as OutletId | null, passwordHash: r.password_hash,
});

export class UserRepo {
  private readonly byEmail;
  private readonly byId;
  private readonly insertStmt;
  private readonly countStmt;

  constructor(db: Db) {
    this.byEmail = db.prepare<[string], Row>('SELECT * FROM users WHERE email = ?');
    this.byId = db.prepare<[string], Row>('SELECT * FROM users WHERE id = ?');
    this.insertStmt = db.prepare<[string, string, string, string, string | null, string, number]>(
      'INSERT INTO users (id, email, name, role, outlet_id, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.countStmt = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM users');
  }

  findByEmail(email: string): UserRecord | null {
    const row = this.byEmail.get(email);
    return row ? toRecord(row) : null;
  }

  findById(id: string): UserRecord | null {
    const row = this.byId.get(id);
    return row ? toRecord(row) : null;
  }

  insert(user: UserRecord): void {
    this.insertStmt.run(user.id, user.email, user.name, user.role, user.outletId, user.passwordHash, Date.now());
  }

  count(): number {
    return this.countStmt.get()?.n ?? 0;
  }
}
