import { describe, expect, it } from 'vitest';
import type { Menu, MenuItem, ModifierGroup } from '../../../../shared/catalog/menu';
import { menuProblem, profileProblem } from '../../../../shared/catalog/menuRules';
import { DEMO_MENU, DEMO_OUTLET } from '../../../../sync-server/seed/demoCatalog';

const dosa = (groups: ModifierGroup[], id = 'dosa-1'): MenuItem => ({
  id,
  categoryId: 'dosa',
  name: 'Dosa',
  description: '',
  price: 9000,
  modifierGroups: groups,
});
const group = (change: Partial<ModifierGroup>): ModifierGroup => ({
  id: 'g',
  name: 'Chutney',
  min: 0,
  max: 1,
  options: [{ id: 'coconut', name: 'Coconut', price: 0 }],
  ...change,
});
const menuWith = (...items: MenuItem[]): Menu => ({ categories: [{ id: 'dosa', name: 'Dosa' }], items });

describe('menuProblem', () => {
  it('finds nothing wrong with the demo menu', () => {
    expect(menuProblem(DEMO_MENU)).toBeNull();
  });

  it('refuses ids used twice: categories, items, and groups or options within one item', () => {
    expect(menuProblem({ ...DEMO_MENU, categories: [...DEMO_MENU.categories, { id: 'dosa', name: 'More dosa' }] })).toMatch(
      /category id "dosa" is used twice/,
    );
    expect(menuProblem(menuWith(dosa([]), dosa([])))).toMatch(/item id "dosa-1" is used twice/);
    expect(menuProblem(menuWith(dosa([group({}), group({ options: [{ id: 'tomato', name: 'Tomato', price: 0 }] })])))).toMatch(
      /modifier group id "g" is used twice/,
    );
    expect(menuProblem(menuWith(dosa([group({}), group({ id: 'h' })])))).toMatch(/option id "coconut" is used twice/);
  });

  it('lets two items share an option id, so one "86" covers the same extra everywhere', () => {
    expect(menuProblem(menuWith(dosa([group({})]), dosa([group({})], 'dosa-2')))).toBeNull();
  });

  it('refuses an option id that is also an item id, since availability is keyed by either', () => {
    expect(menuProblem(menuWith(dosa([group({ options: [{ id: 'dosa-2', name: 'Another', price: 0 }] })]), dosa([], 'dosa-2')))).toMatch(
      /option id "dosa-2" is also an item's id/,
    );
  });

  it('refuses a modifier group no customer could satisfy', () => {
    expect(menuProblem(menuWith(dosa([group({ min: 2, max: 1 })])))).toMatch(/at least 2 but at most 1/);
    expect(menuProblem(menuWith(dosa([group({ min: 2, max: 3 })])))).toMatch(/at least 2 but has 1 option\./);
  });

  it('refuses an item in a category the menu does not have', () => {
    expect(menuProblem({ ...DEMO_MENU, categories: [] })).toMatch(/category "dosa", which the menu does not have/);
  });
});

describe('profileProblem', () => {
  it('finds nothing wrong with the demo outlet', () => {
    expect(profileProblem(DEMO_OUTLET)).toBeNull();
  });

  it('refuses a zone id used twice', () => {
    const [central] = DEMO_OUTLET.zones;
    if (!central) throw new Error('the demo outlet has zones');
    expect(profileProblem({ ...DEMO_OUTLET, zones: [central, { ...central, name: 'Again' }] })).toMatch(/zone id "central" is used twice/);
  });

  it('refuses a closure that ends before it starts, or as it starts', () => {
    expect(profileProblem({ ...DEMO_OUTLET, closures: [{ from: 2000, until: 1000, reason: 'Diwali' }] })).toMatch(
      /closure \(Diwali\) must end after it starts/,
    );
    expect(profileProblem({ ...DEMO_OUTLET, closures: [{ from: 1000, until: 1000, reason: '' }] })).toMatch(/closure must end/);
  });
});
