import { describe, expect, it } from 'vitest';
import { driverChoices } from '../../../../../../client/admin/model/dispatch/driverChoices';
import { readDispatch } from '../../../../../../client/admin/model/dispatch/readDispatch';
import { offerSecondsLeft } from '../../../../../../client/admin/model/dispatch/offerClock';
import * as Y from 'yjs';
import { dispatchMap } from '../../../../../../shared/adminDispatch';
import type { AdminDriver } from '../../../../../../shared/api/adminDrivers';
import type { OrderId, UserId } from '../../../../../../shared/ids';

const OUTLET = { lat: 12.9756, lng: 77.6066 };
const driver = (name: string, change: Partial<AdminDriver>): AdminDriver => ({
  id: name.toLowerCase() as UserId,
  name,
  phone: '+91 90000 00000',
  onShift: true,
  capacity: 2,
  activeOrders: [],
  position: { lat: 12.98, lng: 77.6066, at: 0, accuracy: 10 },
  connected: true,
  ...change,
});

describe('driverChoices', () => {
  it('puts drivers on shift with room first, the nearest first, and says why of each', () => {
    const choices = driverChoices(
      [
        driver('Far', { position: { lat: 13.05, lng: 77.6066, at: 0, accuracy: null } }),
        driver('Full', { activeOrders: ['a', 'b'] as OrderId[] }),
        driver('Home', { onShift: false }),
        driver('Near', { connected: false }),
        driver('Lost', { position: null }),
      ],
      OUTLET,
      null,
    );
    expect(choices.map((c) => c.driver.name)).toEqual(['Near', 'Far', 'Lost', 'Full', 'Home']);
    expect(choices[0]?.label).toBe('Near (on shift, 0 of 2 orders, 490 m from the outlet, app not connected)');
    expect(choices[2]?.label).toBe('Lost (on shift, 0 of 2 orders, position unknown)');
    expect(choices.at(-1)?.label).toMatch(/^Home \(off shift, /);
  });

  it('leaves out the driver the order already has', () => {
    expect(driverChoices([driver('Asha', {}), driver('Bala', {})], OUTLET, 'asha' as UserId).map((c) => c.driver.name)).toEqual(['Bala']);
  });
});

describe('the dispatch mirror as the admin app reads it', () => {
  it('reads well-formed entries and leaves out what it cannot read', () => {
    const inbox = new Y.Doc();
    dispatchMap(inbox).set('o1', { orderId: 'o1' as OrderId, offer: null, passes: [], waitingSince: 5 });
    dispatchMap(inbox).set('o2', { orderId: 'bad id' } as never);
    expect([...readDispatch(inbox).keys()]).toEqual(['o1']);
    expect(readDispatch(undefined).size).toBe(0);
  });

  it('counts an offer down on this device’s clock, never past the offer’s length', () => {
    const offer = { driverId: 'asha' as UserId, driverName: 'Asha', offeredAt: 100_000, expiresAt: 160_000 };
    // The device's clock runs 30 s behind the server's: the deadline moves with it.
    expect(offerSecondsLeft('o9', offer, 80_000, 30_000)).toBe(50);
    expect(offerSecondsLeft('o9', offer, 125_000, 30_000)).toBe(5);
    // Without a known offset, the offer's full length from when this device first saw it.
    expect(offerSecondsLeft('o10', offer, 1_000, null)).toBe(60);
  });
});
