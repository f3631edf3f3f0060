import { describe, expect, it } from 'vitest';
import { nameLookup } from '../../../../../../client/admin/model/people/nameLookup';
import { UserIdSchema } from '../../../../../../shared/ids';

const id = (raw: string) => UserIdSchema.parse(raw);
const named = (raw: string, name: string) => ({ id: id(raw), name });

describe('the names the admin device knows', () => {
  it('names admins, outlet staff and drivers from the accounts list', () => {
    const nameOf = nameLookup([named('admin-1', 'Asha Admin'), named('cook-1', 'Kitchen Staff'), named('driver-1', 'Ravi Kumar')], []);
    expect(nameOf(id('admin-1'))).toBe('Asha Admin');
    expect(nameOf(id('cook-1'))).toBe('Kitchen Staff');
    expect(nameOf(id('driver-1'))).toBe('Ravi Kumar');
  });

  it('names a driver from the roster when the accounts list lacks them, and prefers the accounts list', () => {
    const nameOf = nameLookup([named('driver-1', 'Ravi Kumar')], [named('driver-1', 'Ravi K.'), named('driver-2', 'Meena Iyer')]);
    expect(nameOf(id('driver-1'))).toBe('Ravi Kumar');
    expect(nameOf(id('driver-2'))).toBe('Meena Iyer');
  });

  it('knows no name for an account in neither list', () => {
    expect(nameLookup([named('cook-1', 'Kitchen Staff')], [named('driver-1', 'Ravi Kumar')])(id('cook-2'))).toBeNull();
    expect(nameLookup([], [])(id('cook-1'))).toBeNull();
  });
});
