import type { UserPatch } from '../../shared/api/adminUsers';
import type { UserId } from '../../shared/ids';
import { fail, ok, type Result } from '../../shared/result';
import type { AccountControl } from '../auth/accountControl';
import { hashPassword } from '../auth/passwords';
import type { Db } from '../storage/db';
import type { DriverRepo } from '../storage/drivers';
import type { OutletRepo } from '../storage/outletRepo';
import type { UserRepo } from '../storage/users';

export type ChangeRefusal = 'not_found' | 'cannot_disable_self' | 'last_admin' | 'not_outlet_staff' | 'unknown_outlet';

export interface ChangeUserDeps {
  readonly db: Db;
  readonly users: UserRepo;
  readonly drivers: DriverRepo;
  readonly outlets: OutletRepo;
  readonly accounts: AccountControl;
  /** A disabled driver is taken off shift: dispatch withdraws their offers and stops offering them work. */
  readonly offShift: (driverId: UserId) => void;
}

const NOT_FOUND = fail('not_found', 'The user was not found.');

/**
 * An admin changes an account. Anything that makes their sign-ins wrong ends them everywhere at once:
 * disabling, a new password, another outlet (a sign-in names its outlet). The checks and the writes
 * run with no await between them, so two admins disabling each other at once cannot leave no admin.
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
  const user = deps.users.findById(id);
  if (!user) return NOT_FOUND;
  if (patch.outletId !== undefined) {
    if (user.role !== 'outlet') return fail('not_outlet_staff', 'Only outlet staff belong to an outlet.');
    if (!(await deps.outlets.exists(patch.outletId))) return fail('unknown_outlet', `There is no outlet ${patch.outletId}.`);
  }
  const disabling = patch.disabled === true && !user.disabled;
  if (disabling && user.role === 'admin' && deps.users.enabledAdmins() <= 1)
    return fail('last_admin', 'This is the last enabled admin; enable or add another admin first.');
  const movesOutlet = patch.outletId !== undefined && patch.outletId !== user.outletId;
  deps.db.transaction(() => {
    if (patch.name !== undefined) deps.users.rename(id, patch.name);
    if (passwordHash !== null) deps.users.setPasswordHash(id, passwordHash);
    if (movesOutlet && patch.outletId !== undefined) deps.users.setOutlet(id, patch.outletId);
    if (disabling && user.role === 'driver') deps.drivers.setShift(id, false, now);
  })();
  if (disabling) deps.accounts.disableUser(id);
  else if (passwordHash !== null || movesOutlet || patch.signOut === true) deps.accounts.revokeSessions(id);
  if (patch.disabled === false && user.disabled) deps.accounts.enableUser(id);
  if (disabling && user.role === 'driver') deps.offShift(id);
  return ok();
}
