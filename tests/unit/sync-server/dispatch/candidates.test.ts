import { describe, expect, it } from 'vitest';
import { chooseDriver } from '../../../../shared/dispatch/chooseDriver';
import type { OrderId, UserId } from '../../../../shared/ids';
import type { Offer } from '../../../../shared/inbox';
import { driverCandidates, type CandidateInputs } from '../../../../sync-server/dispatch/candidates';
import type { OfferRow } from '../../../../sync-server/storage/dispatchState';
import type { DriverRecord } from '../../../../sync-server/storage/drivers';

const NOW = 1_800_000_000_000;
const OUTLET = { lat: 12.9756, lng: 77.6066 };

const driver = (id: string, over: Partial<DriverRecord> = {}): DriverRecord => ({
  id: id as UserId,
  name: id,
  phone: '',
  capacity: 2,
  onShift: true,
  shiftChangedAt: NOW - 3_600_000,
  position: { lat: 12.976, lng: 77.607, at: NOW - 60_000, accuracy: 10, declared: false },
  lastAssignedAt: null,
  lastDeliveryEndedAt: null,
  ...over,
});
const offer = (orderId: string, driverId: string, offeredAt: number): OfferRow => ({
  orderId: orderId as OrderId,
  driverId: driverId as UserId,
  offeredAt,
  expiresAt: offeredAt + 60_000,
  offer: {} as Offer,
});
const inputs = (over: Partial<CandidateInputs> = {}): CandidateInputs => ({
  activeCounts: new Map(),
  offers: [],
  live: new Map(),
  connected: new Set(),
  staleMs: 10 * 60_000,
  now: NOW,
  ...over,
});

describe('driverCandidates', () => {
  it('counts a pending offer as work: a place of capacity, and served when it was made', () => {
    const [asha] = driverCandidates(
      [driver('asha', { lastAssignedAt: NOW - 600_000 })],
      inputs({
        activeCounts: new Map([['asha' as UserId, 1]]),
        offers: [offer('o1', 'asha', NOW - 5_000)],
      }),
    );
    expect(asha).toMatchObject({ activeOrders: 2, lastAssignedAt: NOW - 5_000 });
  });

  it('sends orders that arrive together to different drivers, in fair order', () => {
    const drivers = [driver('asha'), driver('bala'), driver('chen')];
    const request = (orderId: string) => ({
      orderId: orderId as OrderId,
      pickup: OUTLET,
      now: NOW,
      excluded: new Set<UserId>(),
      mode: 'offer' as const,
    });
    const connected = new Set(['asha', 'bala', 'chen'] as UserId[]);
    const offers: OfferRow[] = [];
    const chosen: string[] = [];
    for (const orderId of ['o1', 'o2', 'o3']) {
      const choice = chooseDriver(driverCandidates(drivers, inputs({ offers, connected })), request(orderId));
      if (!choice.ok) throw new Error(choice.error.message);
      chosen.push(choice.value.driverId);
      offers.push(offer(orderId, choice.value.driverId, NOW + offers.length));
    }
    expect(chosen).toEqual(['asha', 'bala', 'chen']);
  });

  it('keeps a declared position fresh, and lets a newer live position win over a stored one', () => {
    const declared = driver('kiran', { position: { lat: 12.9, lng: 77.5, at: NOW - 86_400_000, accuracy: null, declared: true } });
    const stored = driver('ravi');
    const live = new Map([['ravi' as UserId, { lat: 12.99, lng: 77.61, at: NOW - 1_000, accuracy: 5 }]]);
    const [k, r] = driverCandidates([declared, stored], inputs({ live }));
    expect(k).toMatchObject({ position: { lat: 12.9, lng: 77.5 }, positionAt: NOW });
    expect(r).toMatchObject({ position: { lat: 12.99, lng: 77.61 }, positionAt: NOW - 1_000 });
    const stale = new Map([['ravi' as UserId, { lat: 12.99, lng: 77.61, at: NOW - 120_000, accuracy: 5 }]]);
    expect(driverCandidates([stored], inputs({ live: stale }))[0]).toMatchObject({
      position: { lat: 12.976, lng: 77.607 },
      positionAt: NOW - 60_000,
    });
  });

  it('tells a connected driver from a sleeping phone seen lately and from one neither connected nor seen', () => {
    const reachOf = (d: DriverRecord, over: Partial<CandidateInputs> = {}) => driverCandidates([d], inputs(over))[0]?.reach;
    const seen = driver('ravi', { position: { lat: 12.976, lng: 77.607, at: NOW - 9 * 60_000, accuracy: 10, declared: false } });
    const longAgo = driver('ravi', { position: { lat: 12.976, lng: 77.607, at: NOW - 11 * 60_000, accuracy: 10, declared: false } });
    expect(reachOf(longAgo, { connected: new Set(['ravi' as UserId]) })).toBe('connected');
    expect(reachOf(seen)).toBe('asleep');
    expect(reachOf(longAgo)).toBe('unreachable');
    expect(reachOf(longAgo, { live: new Map([['ravi' as UserId, { lat: 12.98, lng: 77.61, at: NOW - 1_000, accuracy: 5 }]]) })).toBe(
      'asleep',
    );
  });

  it('does not count a declared position as a sign of the phone', () => {
    const declared = driver('kiran', { position: { lat: 12.9, lng: 77.5, at: NOW, accuracy: null, declared: true } });
    expect(driverCandidates([declared], inputs())[0]?.reach).toBe('unreachable');
    expect(driverCandidates([declared], inputs({ connected: new Set(['kiran' as UserId]) }))[0]?.reach).toBe('connected');
  });

  it('has no position for a driver who never had one', () => {
    expect(driverCandidates([driver('new', { position: null })], inputs())[0]).toMatchObject({ position: null, positionAt: null });
  });
});
