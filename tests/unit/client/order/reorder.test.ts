import { describe, expect, it } from 'vitest';
import type { MenuItem } from '../../../../client/order/api/catalogApi';
import { reorderableLines } from '../../../../client/order/cart/reorder';
import { MENU } from '../support/outletFixtures';

/** The fixture menu as the ordering page reads it: everything available, but the large thali sold out and chai off the menu today. */
const items: MenuItem[] = MENU.items.map((item) => ({
  ...item,
  available: item.id !== 'chai',
  modifierGroups: item.modifierGroups.map((g) => ({ ...g, options: g.options.map((o) => ({ ...o, available: o.id !== 'large' })) })),
}));

describe('the lines an "Order again" link can put in the cart', () => {
  it('keeps lines the menu still takes as they were, options and quantities included', () => {
    const lines = [
      {
        itemId: 'thali',
        qty: 2,
        modifiers: [
          { groupId: 'size', optionId: 'regular' },
          { groupId: 'extras', optionId: 'raita' },
        ],
      },
      { itemId: 'thali', qty: 3, modifiers: [{ groupId: 'size', optionId: 'regular' }] },
    ];
    expect(reorderableLines(lines, items)).toEqual({ lines, left: 0 });
  });

  it('leaves out and counts what is gone, sold out, or no longer a valid choice', () => {
    const { lines, left } = reorderableLines(
      [
        { itemId: 'retired-idli', qty: 1, modifiers: [] },
        { itemId: 'chai', qty: 1, modifiers: [] },
        { itemId: 'thali', qty: 1, modifiers: [{ groupId: 'size', optionId: 'large' }] },
        { itemId: 'thali', qty: 1, modifiers: [] },
        { itemId: 'thali', qty: 1, modifiers: [{ groupId: 'size', optionId: 'family' }] },
        { itemId: 'thali', qty: 1, modifiers: [{ groupId: 'size', optionId: 'regular' }] },
      ],
      items,
    );
    expect(lines).toEqual([{ itemId: 'thali', qty: 1, modifiers: [{ groupId: 'size', optionId: 'regular' }] }]);
    expect(left).toBe(5);
  });
});
