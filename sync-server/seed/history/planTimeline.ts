import { distanceMeters, type LatLng } from '../../../shared/catalog/zones';
import { tripMs } from '../../../shared/dispatch/arrival';
import { SYSTEM_ID } from '../../../shared/roles';
import type { UserId } from '../../../shared/ids';
import type { OrderType } from '../../../shared/order/status';
import { CANCEL_REASONS, FAIL_REASONS, RATES, REJECT_REASONS } from './demand';
import type { PastEvent } from './historyWriter';
import type { Random } from './random';

const MINUTE = 60_000;

/** Who acts on an outlet's orders in the history. */
export interface Staff {
  readonly outlet: UserId;
  readonly admin: UserId;
}

/** The drivers of the history and when each is free again, so one driver never carries more than they could. */
export class DriverPool {
  private readonly freeAt = new Map<UserId, number>();

  constructor(drivers: readonly UserId[]) {
    for (const id of drivers) this.freeAt.set(id, 0);
  }

  /** The driver free soonest; among drivers free alike, the first listed. */
  take(): { readonly id: UserId; readonly freeAt: number } {
    let best: { id: UserId; freeAt: number } | null = null;
    for (const [id, freeAt] of this.freeAt) if (!best || freeAt < best.freeAt) best = { id, freeAt };
    if (!best) throw new Error('the history has no drivers');
    return best;
  }

  busyUntil(id: UserId, at: number): void {
    this.freeAt.set(id, at);
  }
}

export interface TimelineInput {
  readonly type: OrderType;
  readonly placedAt: number;
  readonly peak: boolean;
  readonly lines: number;
  readonly outlet: LatLng;
  readonly dropoff: LatLng | null;
}

const by = (id: UserId, role: 'outlet' | 'admin' | 'driver') => ({ id, role });

/**
 * What happened to one order after it was placed, as the devices stamped it: accepted within a few
 * minutes (slower at peaks), prepared in about the promised time (later at peaks, sometimes announced),
 * then handed over or assigned, picked up and delivered; a few rejected, cancelled or failed.
 */
export function planTimeline(rng: Random, input: TimelineInput, staff: Staff, pool: DriverPool): PastEvent[] {
  const kitchen = by(staff.outlet, 'outlet');
  const answeredAt = input.placedAt + 20_000 + rng.exponential(input.peak ? 110_000 : 50_000);
  if (rng.chance(input.peak ? RATES.rejectedAtPeak : RATES.rejected))
    return [{ type: 'rejected', at: Math.round(answeredAt), by: kitchen, reason: rng.weighted(REJECT_REASONS) }];

  const acceptedAt = Math.round(answeredAt);
  const prepMinutes = input.lines > 2 ? 25 : rng.pick([15, 20]);
  const events: PastEvent[] = [{ type: 'accepted', at: acceptedAt, by: kitchen, prepMinutes }];
  const prepMs = prepMinutes * MINUTE * (0.6 + rng.exponential(input.peak ? 0.3 : 0.18));
  const readyAt = Math.round(acceptedAt + prepMs);
  if (rng.chance(RATES.preparing)) events.push({ type: 'preparing', at: acceptedAt + rng.int(30_000, 3 * MINUTE), by: kitchen });
  const overMinutes = (prepMs - prepMinutes * MINUTE) / MINUTE;
  if (overMinutes > 3 && rng.chance(RATES.delayAnnounced))
    events.push({ type: 'delayed', at: Math.round(acceptedAt + prepMs * 0.6), by: kitchen, minutes: Math.ceil(overMinutes / 5) * 5 });

  if (rng.chance(RATES.cancelled)) {
    const [who, reason] = rng.weighted(CANCEL_REASONS.map(([role, text, w]) => [[role, text] as const, w] as const));
    const at = Math.round(acceptedAt + rng.between(0.2, 0.9) * prepMs);
    return [
      ...events.filter((e) => e.at < at),
      { type: 'cancelled', at, by: who === 'admin' ? by(staff.admin, 'admin') : kitchen, reason },
    ];
  }
  events.push({ type: 'ready', at: readyAt, by: kitchen });
  if (input.type !== 'delivery' || !input.dropoff) {
    const collectedAt = readyAt + (input.type === 'pickup' ? rng.int(2 * MINUTE, 20 * MINUTE) : rng.int(MINUTE, 3 * MINUTE));
    return [...events, { type: 'handed_over', at: collectedAt, by: kitchen }];
  }

  const driver = pool.take();
  const assignedAt = Math.round(acceptedAt + rng.between(0.3, 0.7) * prepMs);
  const rider = by(driver.id, 'driver');
  const arrivesAt = Math.max(assignedAt, driver.freeAt) + rng.int(3 * MINUTE, 9 * MINUTE);
  const pickedUpAt = Math.max(readyAt, arrivesAt) + rng.int(30_000, 2 * MINUTE);
  const doorAt = pickedUpAt + Math.round(tripMs(distanceMeters(input.outlet, input.dropoff)) * rng.between(0.45, input.peak ? 1.1 : 0.85));
  events.push({ type: 'assigned', at: assignedAt, by: { id: SYSTEM_ID, role: 'system' }, driverId: driver.id });
  events.push({ type: 'picked_up', at: pickedUpAt, by: rider });
  const end: PastEvent = rng.chance(RATES.failed)
    ? { type: 'failed', at: doorAt + rng.int(5 * MINUTE, 10 * MINUTE), by: rider, reason: rng.weighted(FAIL_REASONS) }
    : { type: 'delivered', at: doorAt + rng.int(30_000, 2 * MINUTE), by: rider };
  pool.busyUntil(driver.id, end.at);
  return [...events, end];
}
