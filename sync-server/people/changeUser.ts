import type { Kysely } from 'kysely';
import type { UserPatch } from '../../shared/api/adminUsers';
import type { UserId } from '../../shared/ids';
import { fail, ok, type Result } from '../../shared/result';
import type { AccountControl, SessionsEnded } from '../auth/accountControl';
import { hashPassword } from '../auth/passwords';
import { DriverRepo } from '../storage/drivers';
import { OutletRepo } from '../storage/outletRepo';
import type { Database } from '../storage/sql/schema';
import { UserRepo } from '../storage/users';

export type ChangeRefusal = 'not_found' | 'cannot_disable_self' | 'last_admin' | 'not_outlet_staff' | 'unknown_outlet';

export interface ChangeUserDeps {
  readonly sql: Kysely<Database>;
  /** Told of ended sessions once the change is stored, so live sockets close at once. */
  readonly accounts: AccountControl;
  /** A disabled driver is taken off shift: dispatch withdraws their offers and stops offering them work. */
  readonly offShift: (driverId: UserId) => void;
}

const NOT_FOUND = fail('not_found', 'The user was not found.');

/** What a stored change means for the user's sessions and shift. */
interface Changed {
  readonly ended: SessionsEnded | null;
  readonly offShift: boolean;
}

/**
 * An admin changes an account. Anything that makes their sign-ins wrong ends them everywhere at once:
 * disabling, a new password, another outlet (a sign-in names its outlet). The checks and the writes run
 * in one transaction that awaits nothing but its own queries, and the enabled admins are counted with
 * their rows held (UserRepo.enabledAdmins), so two admins disabling each other at once cannot leave no admin.
 */
export async function changeUser(
  deps: ChangeUserDeps,
  by: UserId,
  id: UserId,
  patch: UserPatch,
  now: number,
): Promise<Result<undefined, ChangeRefusal>> {
  if (patch.disabled === true && id === by) return fail('cannot_disable_self', 'You cannot disable your own account.');
  const passwordHash = patch.password === undefined ? null : await hashPassword(patch.password);
  const changed = await deps.sql.transaction().execute(async (trx): Promise<Result<Changed, ChangeRefusal>> => {
    const users = new UserRepo(trx);
    const user = await users.findById(id);
    if (!user) return NOT_FOUND;
    if (patch.outletId !== undefined) {
      if (user.role !== 'outlet') return fail('not_outlet_staff', 'Only outlet staff belong to an outlet.');
      if (!(await new OutletRepo(trx).exists(patch.outletId))) return fail('unknown_outlet', `There is no outlet ${patch.outletId}.`);
    }
    const disabling = patch.disabled === true && !user.disabled;
    if (disabling && user.role === 'admin' && (await users.enabledAdmins()) <= 1)
      return fail('last_admin', 'This is the last enabled admin; enable or add another admin first.');
    const movesOutlet = patch.outletId !== undefined && patch.outletId !== user.outletId;
    if (patch.name !== undefined) await users.rename(id, patch.name);
    if (passwordHash !== null) await users.setPasswordHash(id, passwordHash);
    if (movesOutlet && patch.outletId !== undefined) await users.setOutlet(id, patch.outletId);
    const offShift = disabling && user.role === 'driver';
    if (offShift) await new DriverRepo(trx).setShift(id, false, now);
    let ended: SessionsEnded | null = null;
    if (disabling) ended = (await users.disableUser(id)) ? 'account_disabled' : null;
    else if (passwordHash !== null || movesOutlet || patch.signOut === true)
      ended = (await users.revokeSessions(id)) ? 'session_revoked' : null;
    if (patch.disabled === false && user.disabled) await users.enableUser(id);
    return ok({ ended, offShift });
  });
  if (!changed.ok) return changed;
  if (changed.value.ended) await deps.accounts.sessionsEnded(id, changed.value.ended);
  if (changed.value.offShift) deps.offShift(id);
  return ok();
}
