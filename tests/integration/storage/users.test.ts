import { describe, expect, it } from 'vitest';
import { OutletIdSchema, UserIdSchema, type OutletId, type UserId } from '../../../shared/ids';
import type { Role } from '../../../shared/roles';
import { isUniqueViolation } from '../../../sync-server/people/emailTaken';
import { UserRepo, type NewUser } from '../../../sync-server/storage/users';
import { DIALECTS, useTestStorage, type Dialect } from '../support/sqlStorage';

const OUTLET = OutletIdSchema.parse('dosa-corner');
const userId = (id: string): UserId => UserIdSchema.parse(id);

const person = (id: string, role: Role, extra: Partial<NewUser> = {}): NewUser => ({
  id: userId(id),
  email: `${id}@dabba.test`,
  name: id,
  role,
  outletId: role === 'outlet' ? OUTLET : null,
  passwordHash: `hash-of-${id}`,
  ...extra,
});

/** Resolves once `count` callers are waiting, or after `ms` with whoever is there: never a deadlock. */
function barrier(count: number, ms: number): () => Promise<void> {
  let waiting = 0;
  let release: () => void = () => undefined;
  const all = new Promise<void>((resolve) => (release = resolve));
  return () => {
    if (++waiting >= count) release();
    return Promise.race([all, new Promise<void>((resolve) => setTimeout(resolve, ms))]);
  };
}

describe.each(DIALECTS)('accounts stored on %s', (dialect: Dialect) => {
  const storage = useTestStorage(dialect);
  const repo = (): UserRepo => new UserRepo(storage().db);

  it('has no one before anyone is added', async () => {
    expect(await repo().count()).toBe(0);
    expect(await repo().list()).toEqual([]);
    expect(await repo().findById('nobody')).toBeNull();
    expect(await repo().findByEmail('nobody@dabba.test')).toBeNull();
    expect(await repo().accountState('nobody')).toBeNull();
    expect(await repo().enabledAdmins()).toBe(0);
  });

  it('stores an account enabled, at token version 0, made now', async () => {
    const before = Date.now();
    await repo().insert(person('meera', 'outlet'));
    const found = await repo().findById('meera');
    expect(found).toEqual({
      id: 'meera',
      email: 'meera@dabba.test',
      name: 'meera',
      role: 'outlet',
      outletId: OUTLET,
      passwordHash: 'hash-of-meera',
      disabled: false,
      tokenVersion: 0,
      createdAt: expect.any(Number),
    });
    expect(found?.createdAt).toBeGreaterThanOrEqual(before);
    expect(await repo().accountState('meera')).toEqual({ disabled: false, tokenVersion: 0 });
    expect(await repo().count()).toBe(1);
  });

  it('finds an account by its email in any case, and by its exact id only', async () => {
    await repo().insert(person('ravi', 'driver', { email: 'Ravi.Kumar@Dabba.test' }));
    for (const email of ['Ravi.Kumar@Dabba.test', 'ravi.kumar@dabba.test', 'RAVI.KUMAR@DABBA.TEST']) {
      expect((await repo().findByEmail(email))?.id).toBe('ravi');
    }
    expect((await repo().findByEmail('ravi.kumar@dabba.test'))?.email).toBe('Ravi.Kumar@Dabba.test');
    expect(await repo().findByEmail('ravi.kumar@dabba.tes')).toBeNull();
    expect(await repo().findById('RAVI')).toBeNull();
  });

  it('refuses a second account whose email differs only in case, as a unique violation', async () => {
    await repo().insert(person('asha', 'admin', { email: 'asha@dabba.test' }));
    const second = repo().insert(person('asha-2', 'admin', { email: 'ASHA@dabba.test' }));
    const err: unknown = await second.then(
      () => null,
      (e: unknown) => e,
    );
    expect(isUniqueViolation(err)).toBe(true);
    expect(await repo().count()).toBe(1);
  });

  it('disables an account and revokes its tokens; enabling it leaves them revoked', async () => {
    await repo().insert(person('ravi', 'driver'));
    expect(await repo().disableUser('ravi')).toBe(true);
    expect(await repo().accountState('ravi')).toEqual({ disabled: true, tokenVersion: 1 });
    expect(await repo().enableUser('ravi')).toBe(true);
    expect(await repo().accountState('ravi')).toEqual({ disabled: false, tokenVersion: 1 });
    expect(await repo().revokeSessions('ravi')).toBe(true);
    expect(await repo().revokeSessions('ravi')).toBe(true);
    expect(await repo().findById('ravi')).toMatchObject({ disabled: false, tokenVersion: 3 });
  });

  it('says false when the account to disable, enable, revoke, rename or give a password does not exist', async () => {
    await repo().insert(person('ravi', 'driver'));
    expect(await repo().disableUser('nobody')).toBe(false);
    expect(await repo().enableUser('nobody')).toBe(false);
    expect(await repo().revokeSessions('nobody')).toBe(false);
    expect(await repo().rename('nobody', 'Ghost')).toBe(false);
    expect(await repo().setPasswordHash('nobody', 'x')).toBe(false);
    expect(await repo().setOutlet('nobody', OUTLET)).toBe(false);
    expect(await repo().findById('ravi')).toMatchObject({ disabled: false, tokenVersion: 0 });
  });

  it('renames an account and sets its password hash, leaving its tokens alone', async () => {
    await repo().insert(person('ravi', 'driver'));
    expect(await repo().rename('ravi', 'Ravi K. 🛵')).toBe(true);
    expect(await repo().setPasswordHash('ravi', 'new-hash')).toBe(true);
    expect(await repo().findById('ravi')).toMatchObject({ name: 'Ravi K. 🛵', passwordHash: 'new-hash', tokenVersion: 0 });
  });

  it('moves outlet staff to another outlet, and no one else', async () => {
    const elsewhere: OutletId = OutletIdSchema.parse('idli-house');
    await repo().insert(person('meera', 'outlet'));
    await repo().insert(person('ravi', 'driver'));
    expect(await repo().setOutlet('meera', elsewhere)).toBe(true);
    expect(await repo().setOutlet('ravi', elsewhere)).toBe(false);
    expect((await repo().findById('meera'))?.outletId).toBe(elsewhere);
    expect((await repo().findById('ravi'))?.outletId).toBeNull();
  });

  it('lists admins, then outlet staff, then drivers, each by name in byte order then id, without secrets', async () => {
    for (const u of [
      person('d-zed', 'driver', { name: 'Zed' }),
      person('o-apple', 'outlet', { name: 'apple' }),
      person('a-eclair', 'admin', { name: 'éclair' }),
      person('o-banana', 'outlet', { name: 'Banana' }),
      person('a-b', 'admin', { name: 'Same' }),
      person('a-a', 'admin', { name: 'Same' }),
      person('d-ana', 'driver', { name: 'ana' }),
    ]) {
      await repo().insert(u);
    }
    const listed = await repo().list();
    expect(listed.map((u) => u.id)).toEqual(['a-a', 'a-b', 'a-eclair', 'o-banana', 'o-apple', 'd-zed', 'd-ana']);
    expect(listed[0]).toEqual({
      id: 'a-a',
      email: 'a-a@dabba.test',
      name: 'Same',
      role: 'admin',
      outletId: null,
      disabled: false,
      createdAt: expect.any(Number),
    });
  });

  it('counts the enabled admins only', async () => {
    await repo().insert(person('asha', 'admin'));
    await repo().insert(person('bala', 'admin'));
    await repo().insert(person('ravi', 'driver'));
    expect(await repo().enabledAdmins()).toBe(2);
    await repo().disableUser('bala');
    expect(await repo().enabledAdmins()).toBe(1);
  });

  it('decides two transactions that each count the admins and disable the other one after the other', async () => {
    await repo().insert(person('asha', 'admin'));
    await repo().insert(person('bala', 'admin'));
    // Each waits for the other to have counted before it disables: without the count holding the admins'
    // rows, both would see two admins and both would go through.
    const bothCounted = barrier(2, 300);
    const disable = (other: string) =>
      storage()
        .db.transaction()
        .execute(async (trx) => {
          const users = new UserRepo(trx);
          const admins = await users.enabledAdmins();
          await bothCounted();
          return admins > 1 && (await users.disableUser(other));
        });
    const outcomes = await Promise.all([disable('bala'), disable('asha')]);
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    expect(await repo().enabledAdmins()).toBe(1);
  });
});
