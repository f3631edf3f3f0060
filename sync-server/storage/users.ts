import type { Kysely, Selectable } from 'kysely';
import { OutletIdSchema, UserIdSchema, type OutletId, type UserId } from '../../shared/ids';
import type { Role } from '../../shared/roles';
import { dialectOf } from './sql/dialect';
import type { Database, UsersTable } from './sql/schema';
import { flag, isSet } from './sql/values';

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

const toRecord = (r: Selectable<UsersTable>): UserRecord => ({
  id: UserIdSchema.parse(r.id),
  email: r.email,
  name: r.name,
  role: r.role,
  outletId: r.outlet_id === null ? null : OutletIdSchema.parse(r.outlet_id),
  passwordHash: r.password_hash,
  disabled: isSet(r.disabled),
  tokenVersion: r.token_version,
  createdAt: r.created_at,
});

/** How many rows an UPDATE changed, as a yes or no. */
const changedAny = (result: { numUpdatedRows: bigint }): boolean => result.numUpdatedRows > 0n;

/**
 * Accounts. Emails compare without regard to case on both dialects with the very same `email = ?`: the
 * column is COLLATE NOCASE on SQLite and citext on PostgreSQL (see the PostgreSQL baseline).
 */
export class UserRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async findByEmail(email: string): Promise<UserRecord | null> {
    const row = await this.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  async findById(id: string): Promise<UserRecord | null> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  /** Whether the user is there, enabled, and which token version is current: one lookup by primary key. */
  async accountState(id: string): Promise<AccountState | null> {
    const row = await this.db.selectFrom('users').select(['disabled', 'token_version']).where('id', '=', id).executeTakeFirst();
    return row ? { disabled: isSet(row.disabled), tokenVersion: row.token_version } : null;
  }

  async insert(user: NewUser): Promise<void> {
    await this.db
      .insertInto('users')
      .values({
        id: user.id,
        email: user.email,
        name: user.name,
        role: user.role,
        outlet_id: user.outletId,
        password_hash: user.passwordHash,
        created_at: Date.now(),
      })
      .execute();
  }

  /** Disables the user and revokes their tokens; false if there is no such user. */
  async disableUser(id: string): Promise<boolean> {
    // Disabling also revokes: re-enabling an account never brings its old tokens back.
    const result = await this.db
      .updateTable('users')
      .set((eb) => ({ disabled: flag(true), token_version: eb('token_version', '+', 1) }))
      .where('id', '=', id)
      .executeTakeFirst();
    return changedAny(result);
  }

  /** Lets the user sign in again (with a new token); false if there is no such user. */
  async enableUser(id: string): Promise<boolean> {
    return changedAny(
      await this.db
        .updateTable('users')
        .set({ disabled: flag(false) })
        .where('id', '=', id)
        .executeTakeFirst(),
    );
  }

  /** Revokes every token issued to the user so far; false if there is no such user. */
  async revokeSessions(id: string): Promise<boolean> {
    const result = await this.db
      .updateTable('users')
      .set((eb) => ({ token_version: eb('token_version', '+', 1) }))
      .where('id', '=', id)
      .executeTakeFirst();
    return changedAny(result);
  }

  /** Every account: admins, outlet staff, drivers, each by name (in byte order on both dialects), then id. */
  async list(): Promise<ListedUser[]> {
    const rows = await this.db
      .selectFrom('users')
      .selectAll()
      .orderBy((eb) => eb.case('role').when('admin').then(0).when('outlet').then(1).else(2).end())
      .orderBy('name')
      .orderBy('id')
      .execute();
    return rows.map((r) => {
      const { passwordHash: _hash, tokenVersion: _version, ...user } = toRecord(r);
      return user;
    });
  }

  async rename(id: string, name: string): Promise<boolean> {
    return changedAny(await this.db.updateTable('users').set({ name }).where('id', '=', id).executeTakeFirst());
  }

  /** Sets a new password hash; signing the user out is AccountControl's. */
  async setPasswordHash(id: string, passwordHash: string): Promise<boolean> {
    return changedAny(await this.db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).executeTakeFirst());
  }

  /** Moves outlet staff to another outlet; false for anyone else. */
  async setOutlet(id: string, outletId: OutletId): Promise<boolean> {
    const result = await this.db
      .updateTable('users')
      .set({ outlet_id: outletId })
      .where('id', '=', id)
      .where('role', '=', 'outlet')
      .executeTakeFirst();
    return changedAny(result);
  }

  /**
   * How many admins are enabled, counted so that two transactions about to disable one are decided one
   * after the other: two admins disabling each other at once cannot leave none. On PostgreSQL the enabled
   * admins' rows stay locked (FOR UPDATE) until the transaction ends, and the one that waited counts again
   * after; SQLite runs one transaction at a time on its one connection. Outside a transaction, a count.
   */
  async enabledAdmins(): Promise<number> {
    const admins = this.db.selectFrom('users').select('id').where('role', '=', 'admin').where('disabled', '=', flag(false));
    return (await (dialectOf(this.db) === 'postgres' ? admins.forUpdate() : admins).execute()).length;
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return row.n;
  }
}
