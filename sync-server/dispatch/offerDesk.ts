import { chooseDriver, DEFAULT_POLICY, type DispatchChoice, type DispatchPolicy } from '../../shared/dispatch/chooseDriver';
import { buildOffer, isDelivery, needsDriver } from '../../shared/dispatch/offer';
import type { OrderId, UserId } from '../../shared/ids';
import type { OrderView } from '../../shared/order/orderDoc';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { DriverPresence, PositionFix } from '../presence/driverPresence';
import type { DispatchState, OfferRow } from '../storage/dispatchState';
import type { DriverOrders } from '../storage/driverOrders';
import type { DriverRepo } from '../storage/drivers';
import type { DocRegistry } from '../sync/docRegistry';
import { driverCandidates } from './candidates';
import { hideOffer, showOffer } from './offerInbox';
import { readOrderView } from './orderDocs';

export interface OfferDeskDeps {
  readonly registry: DocRegistry;
  readonly drivers: DriverRepo;
  readonly driverOrders: DriverOrders;
  readonly state: DispatchState;
  readonly presence: DriverPresence;
  readonly clock: Clock;
  readonly log: Logger;
  readonly offerTimeoutMs: number;
  readonly policy?: DispatchPolicy;
}

export type OfferOutcome = 'offered' | 'waiting' | 'done';

/**
 * The mechanics of offers: choosing the driver, showing the offer in their inbox, timing it out,
 * taking it back. Not safe to call concurrently: the Dispatcher runs every call in one queue.
 * Writes go storage first, then the inbox, and come off the inbox first, then storage, so a crash
 * between the two leaves a stored offer the next start shows again, never an offer no one tracks.
 */
export class OfferDesk {
  private readonly expiries = new Map<OrderId, () => void>();
  private readonly policy: DispatchPolicy;

  constructor(
    private readonly d: OfferDeskDeps,
    private readonly onExpired: (row: OfferRow) => void,
  ) {
    this.policy = d.policy ?? DEFAULT_POLICY;
  }

  /** Picks the best driver for an order by the fair-queue policy; `excluded` overrides the order's own exclusions. */
  async choose(view: OrderView, excluded?: ReadonlySet<UserId>): Promise<DispatchChoice> {
    const now = this.d.clock.now();
    const orderId = view.header.id;
    const drivers = this.d.drivers.all();
    const live = new Map<UserId, PositionFix>();
    for (const driver of drivers) {
      const fix = driver.onShift ? await this.d.presence.position(driver.id) : null;
      if (fix) live.set(driver.id, fix);
    }
    const offers = this.d.state.offers().filter((o) => o.orderId !== orderId);
    const candidates = driverCandidates(drivers, { activeCounts: this.d.driverOrders.activeCounts(), offers, live, now });
    const pickup = { lat: view.header.outlet.lat, lng: view.header.outlet.lng };
    const request = (set: ReadonlySet<UserId>) => ({ orderId, pickup, now, excluded: set });
    if (excluded) return chooseDriver(candidates, request(excluded), this.policy);
    const exclusions = this.d.state.exclusions(orderId);
    return chooseDriver(candidates, request(new Set(exclusions.keys())), this.policy);
  }

  /**
   * Offers the order to one driver if it still needs one and has no offer out. In a new round (the
   * retry timer), when everyone left has declined or let it lapse, those drivers may be asked again;
   * drivers taken off the order stay excluded.
   */
  async offer(orderId: OrderId, newRound: boolean): Promise<OfferOutcome> {
    if (this.d.state.offer(orderId)) return 'offered';
    const view = await readOrderView(this.d.registry, orderId);
    if (!view || !needsDriver(view) || !isDelivery(view.header)) return 'done';
    for (const e of view.state.applied) if (e.type === 'unassigned') this.d.state.exclude(orderId, e.driverId, 'unassigned', e.at);
    let choice = await this.choose(view);
    if (!choice.ok && newRound) {
      const exclusions = this.d.state.exclusions(orderId);
      const sticky = new Set([...exclusions].filter(([, reason]) => reason === 'unassigned').map(([id]) => id));
      if (sticky.size < exclusions.size) {
        const again = await this.choose(view, sticky);
        if (again.ok) this.d.state.clearRound(orderId);
        choice = again;
      }
    }
    if (!choice.ok) return 'waiting';
    const offeredAt = this.d.clock.now();
    const expiresAt = offeredAt + this.d.offerTimeoutMs;
    const offer = buildOffer(view.header, { offeredAt, expiresAt, distanceMeters: choice.value.distanceMeters });
    const row: OfferRow = { orderId, driverId: choice.value.driverId, offeredAt, expiresAt, offer };
    this.d.state.putOffer(row);
    await showOffer(this.d.registry, row.driverId, offer);
    this.schedule(row);
    this.d.log.info('offer made', { orderId, driverId: row.driverId, distanceMeters: offer.distanceMeters });
    return 'offered';
  }

  /** Shows a stored offer again after a restart and times it from where it was. */
  async resume(row: OfferRow): Promise<void> {
    await showOffer(this.d.registry, row.driverId, row.offer);
    this.schedule(row);
  }

  /** Ends an offer: off the driver's inbox, out of storage, its timer cancelled. */
  async withdraw(row: OfferRow): Promise<void> {
    this.expiries.get(row.orderId)?.();
    this.expiries.delete(row.orderId);
    await hideOffer(this.d.registry, row.driverId, row.orderId);
    this.d.state.deleteOffer(row.orderId);
  }

  /** The driver let the offer lapse (or declined it): they are not asked for this order again this round. */
  async end(row: OfferRow, reason: 'declined' | 'timeout', said: string | null = null): Promise<void> {
    this.d.state.exclude(row.orderId, row.driverId, reason, this.d.clock.now());
    await this.withdraw(row);
    this.d.log.info(reason === 'timeout' ? 'offer timed out' : 'offer declined', {
      orderId: row.orderId,
      driverId: row.driverId,
      ...(said ? { reason: said } : {}),
    });
  }

  /** The pending offer as stored, if it is still the same one (same driver, same time). */
  current(row: Pick<OfferRow, 'orderId' | 'driverId' | 'offeredAt'>): OfferRow | null {
    const now = this.d.state.offer(row.orderId);
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
