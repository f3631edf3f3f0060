import { describe, expect, it } from 'vitest';
import { OrderIdSchema, OutletIdSchema } from '../../../../../../shared/ids';
import type { RemoteOrder } from '../../../../../../client/common/api/orderSearch';
import { mergeHistory, rangeBounds } from '../../../../../../client/outlet/model/orders/historySearch';
import type { OrderRow } from '../../../../../../client/common/store/db';

const row = (id: string, placedAt: number, customerName = 'Meera', customerPhone = '+91 98450 11111') =>
  ({ id, placedAt, customerName, customerPhone }) as OrderRow;
const remote = (id: string, createdAt: number): RemoteOrder => ({
  id: OrderIdSchema.parse(id),
  outletId: OutletIdSchema.parse('o'),
  type: 'pickup',
  status: 'delivered',
  customerName: 'Ravi',
  customerPhone: null,
  total: 100,
  currency: 'INR',
  createdAt,
});

describe('history search', () => {
  it('lists the device’s and the server’s orders newest first, the device’s copy winning', () => {
    const merged = mergeHistory([row('a', 30), row('b', 10)], [remote('b', 10), remote('c', 20)]);
    expect(merged.map((e) => `${e.source}:${e.source === 'device' ? e.row.id : e.order.id}`)).toEqual(['device:a', 'server:c', 'device:b']);
  });

  it('turns a range into bounds on the device’s calendar', () => {
    const today = 1_000 * 86_400_000;
    expect(rangeBounds('today', today)).toEqual({ from: today, to: null });
    expect(rangeBounds('yesterday', today)).toEqual({ from: today - 86_400_000, to: today });
    expect(rangeBounds('all', today)).toEqual({ from: null, to: null });
  });
});
