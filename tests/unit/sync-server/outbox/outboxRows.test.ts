import { describe, expect, it } from 'vitest';
import { DeviceIdSchema } from '../../../../shared/api/devices';
import { EventIdSchema, OrderIdSchema, OutletIdSchema, UserIdSchema } from '../../../../shared/ids';
import { outboxEntriesOf } from '../../../../sync-server/outbox/outboxRows';

const by = { id: UserIdSchema.parse('u-outlet'), role: 'outlet' } as const;

describe('outbox entries of a commit', () => {
  it('name each event order.<type> and keep its data and author, without the device that wrote it', () => {
    const entries = outboxEntriesOf(
      {
        orderId: OrderIdSchema.parse('o1'),
        outletId: OutletIdSchema.parse('demo-outlet'),
        events: [
          {
            id: EventIdSchema.parse('e1'),
            type: 'accepted',
            at: 1_767_225_600_000,
            by,
            prepMinutes: 12,
            device: { id: DeviceIdSchema.parse('tablet-1'), app: 'outlet', offline: false },
          },
          { id: EventIdSchema.parse('e2'), type: 'picked_up', at: 1_767_225_660_000, by },
        ],
      },
      1_767_225_700_000,
    );
    expect(entries).toEqual([
      {
        eventId: 'e1',
        orderId: 'o1',
        outletId: 'demo-outlet',
        type: 'order.accepted',
        occurredAt: 1_767_225_600_000,
        committedAt: 1_767_225_700_000,
        data: JSON.stringify({ by, prepMinutes: 12 }),
      },
      {
        eventId: 'e2',
        orderId: 'o1',
        outletId: 'demo-outlet',
        type: 'order.picked_up',
        occurredAt: 1_767_225_660_000,
        committedAt: 1_767_225_700_000,
        data: JSON.stringify({ by }),
      },
    ]);
  });
});
