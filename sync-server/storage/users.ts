import { OutletIdSchema, UserIdSchema, type OutletId, type UserId } from '../../shared/ids';
import type { Role } from '../../shared/roles';
import type { Db } from './db';

export interface UserRecord {
  readonly id: UserId;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly outletId: OutletId | null;
  readonly passwordHash: string;
  /** A disabled user cannot sign in, and tokens issued to them are refused. */
  readonly disabled: boolean;
  /** Tokens carry the version they were issued under; only the current one is accepted. */
  readonly tokenVersion: number;
  /** Server epoch ms. */
  readonly createdAt: number;
}

export type NewUser = Omit<UserRecord, 'disabled' | 'tokenVersion' | 'createdAt'>;

/** An account as the admin list shows it: no password hash, and when it was made. */
export type ListedUser = Omit<UserRecord, 'passwordHash' | 'tokenVersion'>;

/** What a token check needs to know of its user, read on every authenticated request. */
export interface AccountState {
  readonly disabled: boolean;
  readonly tokenVersion: number;
}

interface Row {
  id: string;
  email: string;
  name: string;
  role: Role;
  outlet_id: string | null;
  password_hash: string;
  disabled: number;
  token_version: number;
  created_at: number;
}

const toRecord = (r: Row): UserRecord => ({
  id: UserIdSchema.parse(r.id),
  email: r.email,
  name: r.name,
  role: r.role,
  outletId: r.outlet_id === null ? null : OutletIdSchema.parse(r.outlet_id),
  passwordHash: r.password_hash,
  disabled: r.disabled !== 0,
  tokenVersion: r.token_version,
  createdAt: r.created_at,
});

export class UserRepo {
  private readonly byEmail;
  private readonly byId;
  private readonly stateById;
  private readonly insertStmt;
  private readonly countStmt;
  private readonly disableStmt;
  private readonly enableStmt;
  private readonly revokeStmt;
  private readonly listStmt;
  private readonly renameStmt;
  private readonly passwordStmt;
  private readonly outletStmt;
  private readonly enabledAdminsStmt;

  constructor(db: Db) {
    this.byEmail = db.prepare<[string], Row>('SELECT * FROM users WHERE email = ?');
    this.byId = db.prepare<[string], Row>('SELECT * FROM users WHERE id = ?');
    this.stateById = db.prepare<[string], { disabled: number; token_version: number }>(
      'SELECT disabled, token_version FROM users WHERE id = ?',
    );
    this.insertStmt = db.prepare<[string, string, string, string, string | null, string, number]>(
      'INSERT INTO users (id, email, name, role, outlet_id, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.countStmt = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM users');
    // Disabling also revokes: re-enabling an account never brings its old tokens back.
    this.disableStmt = db.prepare<[string]>('UPDATE users SET disabled = 1, token_version = token_version + 1 WHERE id = ?');
    this.enableStmt = db.prepare<[string]>('UPDATE users SET disabled = 0 WHERE id = ?');
    this.revokeStmt = db.prepare<[string]>('UPDATE users SET token_version = token_version + 1 WHERE id = ?');
    this.listStmt = db.prepare<[], Row>(
      "SELECT * FROM users ORDER BY CASE role WHEN 'admin' THEN 0 WHEN 'outlet' THEN 1 ELSE 2 END, name, id",
    );
    this.renameStmt = db.prepare<[string, string]>('UPDATE users SET name = ? WHERE id = ?');
    this.passwordStmt = db.prepare<[string, string]>('UPDATE users SET password_hash = ? WHERE id = ?');
    this.outletStmt = db.prepare<[string, string]>("UPDATE users SET outlet_id = ? WHERE id = ? AND role = 'outlet'");
    this.enabledAdminsStmt = db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND disabled = 0");
  }

  findByEmail(email: string): UserRecord | null {
    const row = this.byEmail.get(email);
    return row ? toRecord(row) : null;
  }

  findById(id: string): UserRecord | null {
    const row = this.byId.get(id);
    return row ? toRecord(row) : null;
  }

  /** Whether the user is there, enabled, and which token version is current: one lookup by primary key. */
  accountState(id: string): AccountState | null {
    const row = this.stateById.get(id);
    return row ? { disabled: row.disabled !== 0, tokenVersion: row.token_version } : null;
  }

  insert(user: NewUser): void {
    this.insertStmt.run(user.id, user.email, user.name, user.role, user.outletId, user.passwordHash, Date.now());
  }

  /** Disables the user and revokes their tokens; false if there is no such user. */
  disableUser(id: string): boolean {
    return this.disableStmt.run(id).changes > 0;
  }

  /** Lets the user sign in again (with a new token); false if there is no such user. */
  enableUser(id: string): boolean {
    return this.enableStmt.run(id).changes > 0;
  }

  /** Revokes every token issued to the user so far; false if there is no such user. */
  revokeSessions(id: string): boolean {
    return this.revokeStmt.run(id).changes > 0;
  }

  /** Every account: admins, outlet staff, drivers, each by name. */
  list(): ListedUser[] {
    return this.listStmt.all().map((r) => {
      const { passwordHash: _hash, tokenVersion: _version, ...user } = toRecord(r);
      return user;
    });
  }

  rename(id: string, name: string): boolean {
    return this.renameStmt.run(name, id).changes > 0;
  }

  /** Sets a new password hash; signing the user out is AccountControl's. */
  setPasswordHash(id: string, passwordHash: string): boolean {
    return this.passwordStmt.run(passwordHash, id).changes > 0;
  }

  /** Moves outlet staff to another outlet; false for anyone else. */
  setOutlet(id: string, outletId: OutletId): boolean {
    return this.outletStmt.run(outletId, id).changes > 0;
  }

  enabledAdmins(): number {
    return this.enabledAdminsStmt.get()?.n ?? 0;
  }

  count(): number {
    return this.countStmt.get()?.n ?? 0;
  }
}
