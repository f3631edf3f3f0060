import type { UserId } from '../../../../shared/ids';
import type { NameOf } from '../../../common/orders/eventWords';

interface Named {
  readonly id: UserId;
  readonly name: string;
}

/**
 * Every name the device knows, by account id: the accounts list (admins, outlet staff, drivers) first,
 * and the driver roster for a driver it lacks (the roster is asked more often, so a new driver may be
 * there first). Both lists are kept on the device, so names stay known offline.
 */
export function nameLookup(users: readonly Named[], drivers: readonly Named[]): NameOf {
  const names = new Map<UserId, string>();
  for (const driver of drivers) names.set(driver.id, driver.name);
  for (const user of users) names.set(user.id, user.name);
  return (id) => names.get(id) ?? null;
}
