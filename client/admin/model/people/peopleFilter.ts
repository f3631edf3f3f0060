import type { AdminUser } from '../../../../shared/api/adminUsers';
import type { OutletId } from '../../../../shared/ids';
import type { Role } from '../../../../shared/roles';

export interface PeopleFilter {
  readonly role: Role | null;
  /** Outlet staff of this outlet only. */
  readonly outletId: OutletId | null;
  readonly query: string;
}

export const EVERYONE: PeopleFilter = { role: null, outletId: null, query: '' };

/** The accounts the filter keeps, in the server's order; the search matches name, email or a driver's phone. */
export function filterPeople(users: readonly AdminUser[], filter: PeopleFilter): readonly AdminUser[] {
  const words = filter.query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return users.filter((user) => {
    if (filter.role !== null && user.role !== filter.role) return false;
    if (filter.outletId !== null && user.outletId !== filter.outletId) return false;
    const text = [user.name, user.email, user.driver?.phone ?? ''].join(' ').toLowerCase();
    return words.every((w) => text.includes(w));
  });
}
