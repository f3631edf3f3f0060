import { describe, expect, it } from 'vitest';
import { parseReorder, reorderPath, withoutReorder } from '../../../../../client/common/orders/reorderLink';

const LINES = [
  { itemId: 'masala-dosa', qty: 2, modifiers: [{ groupId: 'chutney', optionId: 'mint' }] },
  { itemId: 'filter coffee&more', qty: 1, modifiers: [] },
];

describe('the "Order again" link', () => {
  it('takes the customer to the outlet’s ordering page with the same lines, options included', () => {
    const path = reorderPath('demo outlet', LINES);
    const url = new URL(path, 'http://dabba.test');
    expect(url.pathname).toBe('/order/demo%20outlet');
    expect(parseReorder(url.search)).toEqual(LINES);
  });

  it('reads no lines from a page opened without them, or with a mangled or absurd list', () => {
    expect(parseReorder('')).toBeNull();
    expect(parseReorder('?table=T4')).toBeNull();
    expect(parseReorder('?again=%7Bnot-json')).toBeNull();
    expect(parseReorder(`?again=${encodeURIComponent(JSON.stringify([{ i: 'x', q: 1000, m: [] }]))}`)).toBeNull();
    expect(parseReorder(`?again=${encodeURIComponent('[]')}`)).toBeNull();
  });

  it('leaves the rest of the query when the lines are taken out, so a reload adds nothing twice', () => {
    const search = new URL(reorderPath('o', LINES), 'http://dabba.test').search;
    expect(withoutReorder(search)).toBe('');
    expect(withoutReorder(`${search}&table=T4`)).toBe('?table=T4');
  });
});
