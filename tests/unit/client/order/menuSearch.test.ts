import { describe, expect, it } from 'vitest';
import type { MenuItem } from '../../../../client/order/api/catalogApi';
import { searchItems } from '../../../../client/order/menu/menuSearch';

const item = (id: string, name: string, description: string): MenuItem => ({
  id,
  categoryId: 'c',
  name,
  description,
  price: 100,
  available: true,
  modifierGroups: [],
});
const ITEMS = [
  item('masala-dosa', 'Masala Dosa', 'Crisp rice crêpe with spiced potato'),
  item('coffee', 'Filter Coffee', 'Strong, with chicory'),
  item('bath', 'Bisi Bele Bath', 'Lentil rice with vegetables'),
];
const ids = (query: string) => searchItems(ITEMS, query).map((i) => i.id);

describe('menu search', () => {
  it('finds items by name or description, ignoring case and accents', () => {
    expect(ids('COFFEE')).toEqual(['coffee']);
    expect(ids('rice')).toEqual(['masala-dosa', 'bath']);
    expect(ids('crepe')).toEqual(['masala-dosa']);
  });

  it('needs every word typed, in any order', () => {
    expect(ids('dosa masala')).toEqual(['masala-dosa']);
    expect(ids('rice lentil')).toEqual(['bath']);
    expect(ids('rice pizza')).toEqual([]);
  });

  it('shows everything for an empty or blank search', () => {
    expect(ids('   ')).toEqual(['masala-dosa', 'coffee', 'bath']);
  });
});
