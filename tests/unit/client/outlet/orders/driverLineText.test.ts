import { describe, expect, it } from 'vitest';
import { driverLineText } from '../../../../../client/outlet/orders/driverLineText';
import { DRIVER1_ACTOR } from '../../../shared/order/fixtures';

const time = (at: number): string => `t${at}`;
const delivery = { orderType: 'delivery', status: 'ready' } as const;
const ravi = { id: DRIVER1_ACTOR.id, firstName: 'Ravi' };

describe('the driver line of a delivery card', () => {
  it('says who is coming and when they should be there', () => {
    expect(driverLineText(delivery, { ...ravi, expectedAt: 5 }, time)).toBe('Driver: Ravi is coming to collect it · expected about t5');
  });

  it('leaves the time out when the server could not estimate it', () => {
    expect(driverLineText(delivery, ravi, time)).toBe('Driver: Ravi is coming to collect it');
  });

  it('says the driver has arrived once their phone was seen at the outlet, instead of when they should come', () => {
    expect(driverLineText(delivery, { ...ravi, expectedAt: 5, arrivedAt: 4 }, time)).toBe('Ravi has arrived at the counter');
  });

  it('says the order is out with the driver once picked up, arrived or not', () => {
    expect(driverLineText({ ...delivery, status: 'picked_up' }, { ...ravi, arrivedAt: 4 }, time)).toBe('Out with Ravi');
    expect(driverLineText({ ...delivery, status: 'picked_up' }, null, time)).toBe('Out with the driver');
  });

  it('says no driver is assigned while dispatch has found none', () => {
    expect(driverLineText({ ...delivery, status: 'accepted' }, null, time)).toBe('No driver assigned yet');
  });

  it('says nothing for pickup orders or deliveries the outlet has not accepted', () => {
    expect(driverLineText({ orderType: 'pickup', status: 'ready' }, ravi, time)).toBeNull();
    expect(driverLineText({ ...delivery, status: 'placed' }, null, time)).toBeNull();
  });
});
