import { describe, expect, it } from 'vitest';
import { jobLists, type DriverJob } from '../../../../../../client/driver/model/jobs/driverJobs';
import type { UserId } from '../../../../../../shared/ids';
import { reduceOrder } from '../../../../../../shared/order/reduceOrder';
import { DRIVER1, DRIVER2, event, header, MINUTE, OUTLET, SYSTEM, T0 } from '../../../../shared/order/fixtures';

function job(orderId: string, placedAt: number, driver: UserId, end: 'delivered' | 'failed' | null, endAt = 0): DriverJob {
  const by = { id: driver, role: 'driver' } as const;
  const events = [
    event('placed', placedAt, SYSTEM, {}),
    event('accepted', placedAt + 1, OUTLET, { prepMinutes: 10 }),
    event('assigned', placedAt + 2, SYSTEM, { driverId: driver }),
    ...(end
      ? [
          event('picked_up', placedAt + 3, by, {}),
          end === 'failed' ? event('failed', endAt, by, { reason: 'Customer not reachable' }) : event('delivered', endAt, by, {}),
        ]
      : []),
  ];
  return {
    orderId,
    view: { header: { ...header('delivery'), createdAt: T0 + placedAt }, state: reduceOrder(events) },
    syncState: 'synced',
  };
}

describe('the driver’s job lists', () => {
  it('lists open jobs oldest first and today’s finished ones newest first, all of them this driver’s', () => {
    const lists = jobLists(
      [
        job('late', 20 * MINUTE, DRIVER1.id, null),
        job('early', 10 * MINUTE, DRIVER1.id, null),
        job('theirs', 5 * MINUTE, DRIVER2.id, null),
        job('yesterday', -2000 * MINUTE, DRIVER1.id, 'delivered', -1990 * MINUTE),
        job('first-done', 0, DRIVER1.id, 'delivered', 30 * MINUTE),
        job('second-done', 1, DRIVER1.id, 'failed', 40 * MINUTE),
      ],
      DRIVER1.id,
      T0 - 60 * MINUTE,
    );
    expect(lists.active.map((j) => j.orderId)).toEqual(['early', 'late']);
    expect(lists.finished.map((j) => j.orderId)).toEqual(['second-done', 'first-done']);
  });
});
