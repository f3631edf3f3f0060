import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { orderDrivers } from '../../../../../../client/outlet/model/orders/orderDrivers';
import { inboxMap } from '../../../../../../shared/inbox';
import { DRIVER1_ACTOR } from '../../../../shared/order/fixtures';

describe('the driver of each of the outlet’s orders', () => {
  it('is read from the outlet’s inbox by order, skipping orders with no named driver', () => {
    const inbox = new Y.Doc();
    inboxMap(inbox).set('order-1', { placedAt: 1, driver: { id: DRIVER1_ACTOR.id, firstName: 'Ravi' } });
    inboxMap(inbox).set('order-2', { placedAt: 2 });
    inboxMap(inbox).set('order-3', { placedAt: 3, driver: { id: DRIVER1_ACTOR.id, firstName: '' } });
    expect([...orderDrivers(inbox)]).toEqual([['order-1', { id: DRIVER1_ACTOR.id, firstName: 'Ravi' }]]);
  });

  it('carries when the driver should reach the counter, when the server could tell', () => {
    const inbox = new Y.Doc();
    inboxMap(inbox).set('order-1', { placedAt: 1, driver: { id: DRIVER1_ACTOR.id, firstName: 'Ravi', expectedAt: 5_000 } });
    expect(orderDrivers(inbox).get('order-1')?.expectedAt).toBe(5_000);
  });

  it('carries when the driver arrived at the counter, once the server saw their phone there', () => {
    const inbox = new Y.Doc();
    inboxMap(inbox).set('order-1', {
      placedAt: 1,
      driver: { id: DRIVER1_ACTOR.id, firstName: 'Ravi', expectedAt: 5_000, arrivedAt: 4_000 },
    });
    expect(orderDrivers(inbox).get('order-1')?.arrivedAt).toBe(4_000);
  });

  it('is none while the inbox has not reached the device', () => {
    expect(orderDrivers(undefined).size).toBe(0);
  });
});
