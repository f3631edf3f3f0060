import { describe, expect, it } from 'vitest';
import type { MenuItem, ModifierGroup } from '../../../../client/order/api/catalogApi';
import {
  countsByItem,
  describeLine,
  groupRule,
  modifierProblems,
  preselectedPicks,
  toggleOption,
  unitPrice,
} from '../../../../client/order/cart/cartRules';

const chutney: ModifierGroup = {
  id: 'chutney',
  name: 'Chutney',
  min: 1,
  max: 2,
  options: [
    { id: 'coconut', name: 'Coconut', price: 0, available: true },
    { id: 'tomato', name: 'Tomato', price: 0, available: true },
    { id: 'mint', name: 'Mint', price: 1000, available: false },
  ],
};
const size: ModifierGroup = {
  id: 'size',
  name: 'Size',
  min: 1,
  max: 1,
  options: [
    { id: 'regular', name: 'Regular', price: 0, available: true },
    { id: 'large', name: 'Large', price: 8000, available: true },
  ],
};
const dosa: MenuItem = {
  id: 'masala-dosa',
  categoryId: 'dosa',
  name: 'Masala Dosa',
  description: '',
  price: 12000,
  available: true,
  modifierGroups: [chutney, size],
};

describe('modifier choices', () => {
  it('replaces the choice in a one-choice group, like radio buttons', () => {
    const picks = toggleOption(size, [{ groupId: 'size', optionId: 'regular' }], 'large');
    expect(picks).toEqual([{ groupId: 'size', optionId: 'large' }]);
  });

  it('ignores a tick past the group maximum and unticks a ticked option', () => {
    let picks = toggleOption(chutney, [], 'coconut');
    picks = toggleOption(chutney, picks, 'tomato');
    expect(toggleOption(chutney, picks, 'mint')).toEqual(picks);
    expect(toggleOption(chutney, picks, 'coconut')).toEqual([{ groupId: 'chutney', optionId: 'tomato' }]);
  });

  it('names the missing required choice and the unavailable option', () => {
    expect([...modifierProblems(dosa, []).entries()]).toEqual([
      ['chutney', 'Choose 1 to 2 for Chutney.'],
      ['size', 'Choose 1 for Size.'],
    ]);
    const problems = modifierProblems(dosa, [
      { groupId: 'chutney', optionId: 'mint' },
      { groupId: 'size', optionId: 'large' },
    ]);
    expect(problems.get('chutney')).toBe('Mint is not available right now.');
    expect(problems.has('size')).toBe(false);
  });

  it('refuses a choice the menu no longer has (a cart saved before the menu changed)', () => {
    const problems = modifierProblems(dosa, [
      { groupId: 'chutney', optionId: 'peanut' },
      { groupId: 'size', optionId: 'large' },
    ]);
    expect(problems.get('chutney')).toBe('That option is not available right now.');
  });

  it('explains each group rule in words', () => {
    expect(groupRule(chutney)).toBe('Choose 1 to 2');
    expect(groupRule(size)).toBe('Choose 1');
    expect(groupRule({ ...chutney, min: 0 })).toBe('Optional, up to 2');
  });

  it('prices a unit with its options, in minor units', () => {
    expect(
      unitPrice(dosa, [
        { groupId: 'chutney', optionId: 'coconut' },
        { groupId: 'size', optionId: 'large' },
      ]),
    ).toBe(20000);
  });
});

describe('a cart line against the menu', () => {
  it('reads names and totals from the menu', () => {
    const line = {
      key: 'k',
      itemId: 'masala-dosa',
      qty: 2,
      modifiers: [
        { groupId: 'chutney', optionId: 'coconut' },
        { groupId: 'size', optionId: 'large' },
      ],
    };
    expect(describeLine([dosa], line)).toMatchObject({
      name: 'Masala Dosa',
      options: ['Coconut', 'Large'],
      unitPrice: 20000,
      lineTotal: 40000,
      problem: null,
    });
  });

  it('flags an item that went off the menu or out of stock since it was added', () => {
    const line = {
      key: 'k',
      itemId: 'masala-dosa',
      qty: 1,
      modifiers: [
        { groupId: 'chutney', optionId: 'coconut' },
        { groupId: 'size', optionId: 'regular' },
      ],
    };
    expect(describeLine([], line).problem).toMatch(/no longer on the menu/i);
    expect(describeLine([{ ...dosa, available: false }], line).problem).toBe('Masala Dosa is not available right now.');
  });
});

describe('choices the item dialog opens with', () => {
  it('preselects the first option of a required single choice, and nothing in a group of several', () => {
    expect(preselectedPicks(dosa)).toEqual([{ groupId: 'size', optionId: 'regular' }]);
    expect(modifierProblems({ ...dosa, modifierGroups: [size] }, preselectedPicks(dosa)).size).toBe(0);
  });

  it('skips an option that is out, and preselects nothing when every option is out', () => {
    const regularOut: ModifierGroup = { ...size, options: size.options.map((o) => ({ ...o, available: o.id !== 'regular' })) };
    expect(preselectedPicks({ ...dosa, modifierGroups: [regularOut] })).toEqual([{ groupId: 'size', optionId: 'large' }]);
    const allOut: ModifierGroup = { ...size, options: size.options.map((o) => ({ ...o, available: false })) };
    expect(preselectedPicks({ ...dosa, modifierGroups: [allOut] })).toEqual([]);
  });

  it('leaves an optional single choice to the customer', () => {
    expect(preselectedPicks({ ...dosa, modifierGroups: [{ ...size, min: 0 }] })).toEqual([]);
  });
});

describe('in-cart counts on the menu', () => {
  it('adds up every line of an item, whatever its choices', () => {
    const lines = [
      { key: 'a', itemId: 'masala-dosa', qty: 2, modifiers: [{ groupId: 'size', optionId: 'regular' }] },
      { key: 'b', itemId: 'masala-dosa', qty: 1, modifiers: [{ groupId: 'size', optionId: 'large' }] },
      { key: 'c', itemId: 'filter-coffee', qty: 1, modifiers: [] },
    ];
    expect([...countsByItem(lines)]).toEqual([
      ['masala-dosa', 3],
      ['filter-coffee', 1],
    ]);
  });
});
