import { describe, expect, it } from 'vitest';
import { orderMenuItems } from '../../../../../../client/outlet/model/catalog/orderMenuItems';
import { ItemIdSchema } from '../../../../../../shared/ids';

const line = (itemId: string, name: string) => ({ itemId: ItemIdSchema.parse(itemId), name });

describe('the items an order card can 86', () => {
  it('are the order’s menu items, once each, in the order’s own order', () => {
    const items = orderMenuItems({ items: [line('dosa', 'Plain Dosa'), line('coffee', 'Filter Coffee'), line('dosa', 'Plain Dosa')] });
    expect(items).toEqual([
      { itemId: 'dosa', name: 'Plain Dosa' },
      { itemId: 'coffee', name: 'Filter Coffee' },
    ]);
  });
});
