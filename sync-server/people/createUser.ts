import type { NewUser } from '../../shared/api/adminUsers';
import { newUserId, type UserId } from '../../shared/ids';
import { fail, ok, type Result } from '../../shared/result';
import { hashPassword } from '../auth/passwords';
import { addDriver, type AddDriverDeps } from '../drivers/addDriver';
import { EMAIL_TAKEN, isUniqueViolation } from './emailTaken';

export type CreateRefusal = 'email_taken' | 'unknown_outlet';

/**
 * An admin makes an account: an admin, staff of an existing outlet, or a driver with their driver
 * record (off shift until they go on shift in the app, standing at the first outlet until their phone
 * says where they are).
 */
export async function createUser(deps: AddDriverDeps, req: NewUser, now: number): Promise<Result<UserId, CreateRefusal>> {
  if (req.role === 'driver') {
    const made = await addDriver(
      deps,
      { name: req.name, phone: req.phone, email: req.email, password: req.password, capacity: req.capacity, onShift: false },
      now,
    );
    return made.ok ? ok(made.value.id) : made;
  }
  const outletId = req.role === 'outlet' ? req.outletId : null;
  if (outletId !== null && !(await deps.outlets.exists(outletId))) return fail('unknown_outlet', `There is no outlet ${outletId}.`);
  if (await deps.users.findByEmail(req.email)) return EMAIL_TAKEN;
  const passwordHash = await hashPassword(req.password);
  const id = newUserId();
  try {
    await deps.users.insert({ id, email: req.email, name: req.name, role: req.role, outletId, passwordHash });
  } catch (err: unknown) {
    if (isUniqueViolation(err)) return EMAIL_TAKEN;
    throw err;
  }
  return ok(id);
}
