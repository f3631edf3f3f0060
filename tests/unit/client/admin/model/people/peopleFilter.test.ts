import { describe, expect, it } from 'vitest';
import { EVERYONE, filterPeople } from '../../../../../../client/admin/model/people/peopleFilter';
import type { AdminUser } from '../../../../../../shared/api/adminUsers';
import { OutletIdSchema, UserIdSchema } from '../../../../../../shared/ids';

const KITCHEN = OutletIdSchema.parse('kitchen');
const base = { disabled: false, createdAt: 0, liveDevices: 0, driver: null, outletId: null };
const USERS: AdminUser[] = [
  { ...base, id: UserIdSchema.parse('a'), name: 'Asha Admin', email: 'asha@dabba.local', role: 'admin' },
  { ...base, id: UserIdSchema.parse('o'), name: 'Omar Cook', email: 'omar@dabba.local', role: 'outlet', outletId: KITCHEN },
  {
    ...base,
    id: UserIdSchema.parse('d'),
    name: 'Ravi Kumar',
    email: 'ravi@dabba.local',
    role: 'driver',
    driver: {
      phone: '+91 90000 00000',
      capacity: 2,
      onShift: true,
      shiftChangedAt: 0,
      activeOrders: 0,
      deliveriesToday: 3,
      cashCollectedToday: [],
      position: null,
    },
  },
];

const names = (users: readonly AdminUser[]) => users.map((u) => u.name);

describe('filterPeople', () => {
  it('keeps everyone with no filter', () => {
    expect(names(filterPeople(USERS, EVERYONE))).toEqual(['Asha Admin', 'Omar Cook', 'Ravi Kumar']);
  });

  it('keeps one role, or the staff of one outlet', () => {
    expect(names(filterPeople(USERS, { ...EVERYONE, role: 'driver' }))).toEqual(['Ravi Kumar']);
    expect(names(filterPeople(USERS, { ...EVERYONE, outletId: KITCHEN }))).toEqual(['Omar Cook']);
  });

  it('finds people by every word of the search across name, email and a driver’s phone', () => {
    expect(names(filterPeople(USERS, { ...EVERYONE, query: '90000' }))).toEqual(['Ravi Kumar']);
    expect(names(filterPeople(USERS, { ...EVERYONE, query: 'omar DABBA' }))).toEqual(['Omar Cook']);
    expect(names(filterPeople(USERS, { ...EVERYONE, query: 'asha ravi' }))).toEqual([]);
  });
});
