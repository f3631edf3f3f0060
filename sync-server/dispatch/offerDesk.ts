import { chooseDriver, DEFAULT_POLICY, type DispatchChoice, type DispatchPolicy } from '../../shared/dispatch/chooseDriver';
import { extendedExpiry, firstWindowMs, type OfferWindows } from '../../shared/dispatch/driverReach';
import { buildOffer, isDelivery, needsDriver } from '../../shared/dispatch/offer';
import type { OrderId, UserId } from '../../shared/ids';
import type { OrderView } from '../../shared/order/orderDoc';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { Presence } from '../presence/presence';
import type { DispatchState, OfferRow } from '../storage/dispatchState';
import type { WrittenAlong } from '../storage/docStore';
import type { DriverOrders } from '../storage/driverOrders';
import type { DriverRepo } from '../storage/drivers';
import type { DocRegistry } from '../sync/docRegistry';
import { offerWakeData } from '../wake/offerWake';
import type { AdminDispatchMirror } from './adminDispatchMirror';
import type { Waker } from '../wake/waker';
import { driverCandidates } from './candidates';
import { readDriverPool, type DriverPool } from './driverPool';
import { hideOffer, showOffer } from './offerInbox';
import { readOrderView } from '../orders/orderDocs';

export interface OfferDeskDeps {
  readonly registry: DocRegistry;
  readonly drivers: DriverRepo;
  readonly driverOrders: DriverOrders;
  readonly state: DispatchState;
  readonly presence: Pick<Presence, 'position' | 'devicesOfUser'>;
  /** Wakes a driver whose phone has no live socket when an offer is made to them. */
  readonly waker: Waker;
  readonly clock: Clock;
  readonly log: Logger;
  readonly offerTimeoutMs: number;
  /** The first window of an offer to a driver whose app is not connected (see driverReach.ts). */
  readonly offerAsleepMs: number;
  /** A driver with no live socket and no position measured within this is not offered orders. */
  readonly driverStaleMs: number;
  readonly policy?: DispatchPolicy;
  /** This node's term as dispatch leader (leadership/): written with every document change; none on a node alone. */
  readonly fence?: WrittenAlong;
  /** Other nodes write the same documents: orders are read caught up with storage. */
  readonly sharedDocs?: boolean;
}

export type OfferOutcome = 'offered' | 'waiting' | 'done';

/**
 * The mechanics of offers: choosing the driver, showing the offer in their inbox (and to admins, in
 * the dispatch mirror), timing it out, taking it back. Not safe to call concurrently: the Dispatcher runs every call in one queue.
 * Writes go storage first, then the inbox, and come off the inbox first, then storage, so a crash
 * between the two leaves a stored offer the next start shows again, never an offer no one tracks.
 */
export class OfferDesk {
  private readonly expiries = new Map<OrderId, () => void>();
  private readonly policy: DispatchPolicy;
  private readonly windows: OfferWindows;

  constructor(
    private readonly d: OfferDeskDeps,
    private readonly onExpired: (row: OfferRow) => void,
    private readonly mirror: AdminDispatchMirror,
  ) {
    this.policy = d.policy ?? DEFAULT_POLICY;
    this.windows = { timeoutMs: d.offerTimeoutMs, asleepMs: d.offerAsleepMs };
  }

  /**
   * Picks the best driver for an order by the fair-queue policy; `excluded` overrides the order's own
   * exclusions. An offer goes only to drivers their app can hear (see chooseDriver's `mode`).
   */
  async choose(
    view: OrderView,
    excluded?: ReadonlySet<UserId>,
    mode: 'offer' | 'assign' = 'offer',
    pool?: DriverPool,
  ): Promise<DispatchChoice> {
    const now = this.d.clock.now();
    const orderId = view.header.id;
    const { drivers, live, connected, activeCounts, offers } = pool ?? (await this.pool());
    const candidates = driverCandidates(drivers, {
      activeCounts,
      offers: offers.filter((o) => o.orderId !== orderId),
      live,
      connected,
      staleMs: this.d.driverStaleMs,
      now,
    });
    const pickup = { lat: view.header.outlet.lat, lng: view.header.outlet.lng };
    const request = (set: ReadonlySet<UserId>) => ({ orderId, pickup, now, excluded: set, mode });
    if (excluded) return chooseDriver(candidates, request(excluded), this.policy);
    const exclusions = await this.d.state.exclusions(orderId);
    return chooseDriver(candidates, request(new Set(exclusions.keys())), this.policy);
  }

  /** The drivers as choosing one sees them now (see DriverPool); `offers` when just read. */
  pool(offers?: readonly OfferRow[]): Promise<DriverPool> {
    return readDriverPool(this.d, offers);
  }

  /** The order as stored now (see `sharedDocs`); null when there is no such order. */
  view(orderId: OrderId): Promise<OrderView | null> {
    return readOrderView(this.d.registry, orderId, this.d.sharedDocs);
  }

  /**
   * Offers the order to one driver if it still needs one and has no offer out. In a new round (the
   * retry timer), when everyone left has declined or let it lapse, those drivers may be asked again;
   * drivers taken off the order stay excluded. Decided on `pool` (a dispatch pass's), which gains the offer made.
   */
  async offer(orderId: OrderId, newRound: boolean, pool: DriverPool): Promise<OfferOutcome> {
    if (pool.offers.some((o) => o.orderId === orderId)) return 'offered';
    const view = await this.view(orderId);
    if (!view || !needsDriver(view) || !isDelivery(view.header)) return 'done';
    for (const e of view.state.applied) {
      if (e.type !== 'unassigned') continue;
      await this.d.state.exclude(orderId, e.driverId, 'unassigned', e.at);
      await this.mirror.record(orderId, { kind: 'passed', driverId: e.driverId, reason: 'unassigned', said: e.reason, at: e.at });
    }
    let choice = await this.choose(view, undefined, 'offer', pool);
    if (!choice.ok && newRound) {
      const exclusions = await this.d.state.exclusions(orderId);
      const sticky = new Set([...exclusions].filter(([, reason]) => reason === 'unassigned').map(([id]) => id));
      if (sticky.size < exclusions.size) {
        const again = await this.choose(view, sticky, 'offer', pool);
        if (again.ok) await this.d.state.clearRound(orderId);
        choice = again;
      }
    }
    if (!choice.ok) {
      await this.mirror.record(orderId, { kind: 'waiting', now: this.d.clock.now() });
      return 'waiting';
    }
    const { driverId, distanceMeters, reach } = choice.value;
    const offeredAt = this.d.clock.now();
    const expiresAt = offeredAt + firstWindowMs(reach, this.windows);
    const offer = buildOffer(view.header, { offeredAt, expiresAt, distanceMeters });
    const row: OfferRow = { orderId, driverId, offeredAt, expiresAt, offer };
    await this.d.state.putOffer(row);
    pool.offers.push(row);
    await showOffer(this.d.registry, driverId, offer, this.d.fence);
    await this.mirror.record(orderId, { kind: 'offered', driverId, offeredAt, expiresAt });
    this.schedule(row);
    // After the inbox holds the offer: the woken phone pulls that document.
    if (reach === 'asleep') void this.d.waker.wake({ kind: 'user', userId: driverId }, offerWakeData(driverId, offer, offeredAt));
    this.d.log.info('offer made', { orderId, driverId, distanceMeters: offer.distanceMeters, reach });
    return 'offered';
  }

  /**
   * Whether the driver may still take the offer: before it expires, or, for an offer made with the
   * shorter first window, within the normal time (answering is proof the phone woke up).
   */
  takeable(row: OfferRow): boolean {
    const now = this.d.clock.now();
    return row.expiresAt > now || (extendedExpiry(row, true, this.windows) ?? 0) > now;
  }

  /**
   * At the end of an offer's shorter first window: when the driver's app has connected since (the
   * wake-up worked), the offer stands for the rest of the normal time and true is returned.
   */
  async extendIfWoken(row: OfferRow): Promise<boolean> {
    const connected = (await this.d.presence.devicesOfUser(row.driverId)).length > 0;
    const expiresAt = extendedExpiry(row, connected, this.windows);
    if (expiresAt === null || expiresAt <= this.d.clock.now()) return false;
    const extended: OfferRow = { ...row, expiresAt, offer: { ...row.offer, expiresAt } };
    await this.d.state.putOffer(extended);
    await showOffer(this.d.registry, row.driverId, extended.offer, this.d.fence);
    await this.mirror.record(row.orderId, { kind: 'offered', driverId: row.driverId, offeredAt: row.offeredAt, expiresAt });
    this.schedule(extended);
    this.d.log.info('offer extended: the driver woke up', { orderId: row.orderId, driverId: row.driverId });
    return true;
  }

  /** Shows a stored offer again after a restart and times it from where it was. */
  async resume(row: OfferRow): Promise<void> {
    await showOffer(this.d.registry, row.driverId, row.offer, this.d.fence);
    await this.mirror.record(row.orderId, { kind: 'offered', driverId: row.driverId, offeredAt: row.offeredAt, expiresAt: row.expiresAt });
    this.schedule(row);
  }

  /**
   * Ends an offer: off the driver's inbox, out of storage, its timer cancelled. `settled`: the order needs
   * no driver any more, so its entry leaves the admins' mirror in the same write that would have ended the offer.
   */
  async withdraw(row: OfferRow, settled = false): Promise<void> {
    this.expiries.get(row.orderId)?.();
    this.expiries.delete(row.orderId);
    await hideOffer(this.d.registry, row.driverId, row.orderId, this.d.fence);
    await this.d.state.deleteOffer(row.orderId);
    if (settled) await this.mirror.settle(row.orderId);
    else await this.mirror.record(row.orderId, { kind: 'offer_ended' });
  }

  /** The driver let the offer lapse (or declined it): they are not asked for this order again this round. */
  async end(row: OfferRow, reason: 'declined' | 'timeout', said: string | null = null): Promise<void> {
    const now = this.d.clock.now();
    await this.d.state.exclude(row.orderId, row.driverId, reason, now);
    await this.withdraw(row);
    await this.mirror.record(row.orderId, { kind: 'passed', driverId: row.driverId, reason, said, at: now });
    this.d.log.info(reason === 'timeout' ? 'offer timed out' : 'offer declined', {
      orderId: row.orderId,
      driverId: row.driverId,
      ...(said ? { reason: said } : {}),
    });
  }

  /** The pending offer as stored, if it is still the same one (same driver, same time). */
  async current(row: Pick<OfferRow, 'orderId' | 'driverId' | 'offeredAt'>): Promise<OfferRow | null> {
    const now = await this.d.state.offer(row.orderId);
    return now && now.driverId === row.driverId && now.offeredAt === row.offeredAt ? now : null;
  }

  cancelTimers(): void {
    for (const cancel of this.expiries.values()) cancel();
    this.expiries.clear();
  }

  private schedule(row: OfferRow): void {
    this.expiries.get(row.orderId)?.();
    const wait = Math.max(0, row.expiresAt - this.d.clock.now());
    this.expiries.set(
      row.orderId,
      this.d.clock.after(wait, () => {
        this.expiries.delete(row.orderId);
        this.onExpired(row);
      }),
    );
  }
}
