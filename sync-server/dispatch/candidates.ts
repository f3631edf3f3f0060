import type { DriverCandidate } from '../../shared/dispatch/chooseDriver';
import { driverReach } from '../../shared/dispatch/driverReach';
import type { UserId } from '../../shared/ids';
import type { PositionFix } from '../presence/driverPresence';
import type { DriverRecord } from '../storage/drivers';
import type { OfferRow } from '../storage/dispatchState';

export interface CandidateInputs {
  /** Assigned, unfinished orders per driver. */
  readonly activeCounts: ReadonlyMap<UserId, number>;
  /** Pending offers, without the one for the order being decided. */
  readonly offers: readonly OfferRow[];
  /** Live device positions (presence), which may be newer than the stored ones. */
  readonly live: ReadonlyMap<UserId, PositionFix>;
  /** Drivers with a live socket on some node (presence). */
  readonly connected: ReadonlySet<UserId>;
  /** A measured position older than this does not make a driver without a socket worth waking. */
  readonly staleMs: number;
  readonly now: number;
}

/**
 * What chooseDriver knows of each driver. A pending offer counts as work: it takes a place of the
 * driver's capacity and makes them "served" when it was made, so orders arriving together go to
 * different drivers in fair order instead of piling onto the one at the head of the queue. A declared
 * position (seed, delivery API) stands until a device reports one, so it is always fresh for distance,
 * but it is no sign that the driver's phone is around: only a measured one makes a sleeping phone
 * worth waking.
 */
export function driverCandidates(drivers: readonly DriverRecord[], input: CandidateInputs): DriverCandidate[] {
  const offered = new Map<UserId, { count: number; latest: number }>();
  for (const o of input.offers) {
    const known = offered.get(o.driverId);
    offered.set(o.driverId, { count: (known?.count ?? 0) + 1, latest: Math.max(known?.latest ?? o.offeredAt, o.offeredAt) });
  }
  return drivers.map((d) => {
    const pending = offered.get(d.id);
    const stored = d.position;
    const live = input.live.get(d.id);
    const fix = live && (!stored || stored.declared || live.at >= stored.at) ? { ...live, declared: false } : stored;
    const lastAssignedAt = pending ? Math.max(d.lastAssignedAt ?? pending.latest, pending.latest) : d.lastAssignedAt;
    return {
      id: d.id,
      onShift: d.onShift,
      activeOrders: (input.activeCounts.get(d.id) ?? 0) + (pending?.count ?? 0),
      capacity: d.capacity,
      position: fix ? { lat: fix.lat, lng: fix.lng } : null,
      positionAt: fix ? (fix.declared ? input.now : fix.at) : null,
      lastDeliveryEndedAt: d.lastDeliveryEndedAt,
      lastAssignedAt,
      reach: driverReach({
        connected: input.connected.has(d.id),
        measuredAt: fix && !fix.declared ? fix.at : null,
        now: input.now,
        staleMs: input.staleMs,
      }),
    };
  });
}
