import { describe, expect, it } from 'vitest';
import {
  addCategory,
  addGroup,
  addItem,
  addOption,
  moveCategory,
  moveItem,
  removeCategory,
  removeOption,
} from '../../../../../../client/admin/model/outlets/menuEdits';
import { menuProblem } from '../../../../../../shared/catalog/menuRules';
import { MENU } from '../../../support/outletFixtures';

describe('editing a menu draft', () => {
  it('adds a category and an item in it, each with a fresh id, and the menu stays valid', () => {
    const withSweets = addCategory(MENU, 'Sweets');
    const sweets = withSweets.categories[2];
    expect(sweets?.name).toBe('Sweets');
    expect(sweets?.id).toMatch(/^cat-/);
    const withPayasam = addItem(withSweets, sweets?.id ?? '', 'Payasam', 'item-payasam');
    expect(withPayasam.items.at(-1)).toMatchObject({ id: 'item-payasam', categoryId: sweets?.id, price: 0 });
    expect(menuProblem(withPayasam)).toBeNull();
  });

  it('removes only an empty category, and says how many items are in the way', () => {
    const refused = removeCategory(MENU, 'drinks');
    expect(refused.ok ? null : refused.error.message).toBe('Move or remove its 1 item first.');
    const empty = addCategory(MENU, 'Empty');
    const emptyId = empty.categories[2]?.id ?? '';
    const removed = removeCategory(empty, emptyId);
    expect(removed.ok && removed.value.categories.map((c) => c.id)).toEqual(['meals', 'drinks']);
  });

  it('moves categories, and items within their own category only', () => {
    expect(moveCategory(MENU, 'drinks', -1).categories.map((c) => c.id)).toEqual(['drinks', 'meals']);
    expect(moveCategory(MENU, 'meals', -1)).toEqual(MENU);
    const twoDrinks = addItem(MENU, 'drinks', 'Lassi', 'lassi');
    expect(moveItem(twoDrinks, 'lassi', -1).items.map((i) => i.id)).toEqual(['thali', 'lassi', 'chai']);
    // Thali is the only meal: nothing to swap it with, even though Chai is next in the list.
    expect(moveItem(twoDrinks, 'thali', 1)).toEqual(twoDrinks);
  });

  it('keeps a modifier group satisfiable when an option goes, and never removes its last option', () => {
    const thali = MENU.items[0];
    if (!thali) throw new Error('fixture');
    const size = thali.modifierGroups[0];
    if (!size) throw new Error('fixture');
    const strict = { ...size, min: 2, max: 2 };
    const fewer = removeOption(strict, 'large');
    expect(fewer.ok && { min: fewer.value.min, options: fewer.value.options.length }).toEqual({ min: 1, options: 1 });
    const last = fewer.ok ? removeOption(fewer.value, 'regular') : null;
    expect(last?.ok ? null : last?.error.message).toMatch(/needs at least one option/);
    const grown = addOption(size, 'Family');
    expect(grown.options.at(-1)).toMatchObject({ name: 'Family', price: 0 });
    expect(addGroup(thali, 'Spice').modifierGroups.at(-1)).toMatchObject({ name: 'Spice', min: 0, max: 1 });
  });
});
