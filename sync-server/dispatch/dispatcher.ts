import { orderDocName } from '../../shared/docNames';
import type { ChosenDriver } from '../../shared/dispatch/chooseDriver';
import { AWAITING_DRIVER, isDelivery, needsDriver } from '../../shared/dispatch/offer';
import { newEventId, type OrderId, type UserId } from '../../shared/ids';
import type { OrderView } from '../../shared/order/orderDoc';
import { isTerminal } from '../../shared/order/status';
import { SYSTEM_ID } from '../../shared/roles';
import { fail, ok, type Result } from '../../shared/result';
import { KeyedSerial } from '../serial';
import { FenceLost } from '../storage/dispatchFence';
import type { OrderIndex } from '../storage/orderIndex';
import type { DocHooks } from '../sync/docRegistry';
import type { SyncedDoc } from '../sync/syncedDoc';
import { AdminDispatchMirror } from './adminDispatchMirror';
import { OfferDesk, type OfferDeskDeps } from './offerDesk';
import { appendServerEvents } from '../orders/orderDocs';

export interface DispatcherDeps extends OfferDeskDeps {
  readonly orders: OrderIndex;
  /** How long to wait before asking again when no driver could be offered an order. */
  readonly retryMs: number;
  /** A write was refused by the fence: another node leads dispatch now, and this one must stop. */
  readonly fenceLost?: (err: FenceLost) => void;
}

const SYSTEM = { id: SYSTEM_ID, role: 'system' } as const;

/** Every dispatch decision is refused once the server is closing; asking again after the restart works. */
export type ShuttingDown = 'shutting_down';
const SHUTTING_DOWN = fail('shutting_down', 'The server is restarting; try again in a moment.');

/** Why an offer is not the driver's to answer: it was, and ended; or it never was. */
type NotTheirs = 'offer_expired' | 'offer_not_yours';
const NOT_THEIRS: { readonly [K in NotTheirs]: string } = {
  offer_expired: 'This offer has ended; the order went to another driver or no longer needs one.',
  offer_not_yours: 'This order was not offered to you.',
};

export type AcceptRefusal = NotTheirs | ShuttingDown;
export type DeclineRefusal = 'offer_not_yours' | ShuttingDown;
export type AssignRefusal =
  'unknown_order' | 'not_a_delivery' | 'order_finished' | 'already_assigned' | 'no_driver_available' | 'order_changed' | ShuttingDown;

/**
 * Server-side dispatch, a document plug-in: when a delivery the outlet accepted has no driver, it is
 * offered to one driver at a time (the fair queue in shared/dispatch/chooseDriver.ts); an offer that is
 * declined or lapses moves on; with nobody to offer it to, it is tried again every `retryMs` and as soon
 * as a driver comes on shift or frees a place. Every decision runs in one queue, so two never race for
 * the same driver or order, and each is a pure choice over the stored state of that moment.
 */
export class Dispatcher implements DocHooks {
  private readonly serial = new KeyedSerial<'dispatch'>();
  private readonly desk: OfferDesk;
  private readonly mirror: AdminDispatchMirror;
  private cancelRetry: (() => void) | null = null;
  private kickQueued = false;
  private closed = false;

  constructor(private readonly d: DispatcherDeps) {
    this.mirror = new AdminDispatchMirror(d.registry, d.drivers, d.fence, d.sharedDocs ?? false);
    this.desk = new OfferDesk(
      d,
      (row) =>
        this.background('offer timeout', async () => {
          const current = await this.desk.current(row);
          if (!current || (await this.desk.extendIfWoken(current))) return;
          await this.desk.end(current, 'timeout');
          await this.dispatchAwaiting(false);
        }),
      this.mirror,
    );
  }

  /** Rebuilds pending work after a start: stored offers are shown and timed again, waiting deliveries are offered. */
  start(): Promise<void> {
    return this.serial.run('dispatch', async () => {
      if (this.closed) return;
      const now = this.d.clock.now();
      for (const row of await this.d.state.offers()) {
        const view = await this.desk.view(row.orderId);
        if (!view || !needsDriver(view)) await this.desk.withdraw(row);
        else if (row.expiresAt <= now) await this.desk.end(row, 'timeout');
        else await this.desk.resume(row);
      }
      // Entries of orders settled while the server was down (or between a write and a crash) go.
      for (const orderId of await this.mirror.load()) {
        const view = await this.desk.view(orderId);
        if (!view || !needsDriver(view)) await this.mirror.settle(orderId);
      }
      await this.dispatchAwaiting(false);
    });
  }

  /** Watches order documents: a delivery that needs a driver, one that no longer does, a driver set free. */
  async afterCommit(doc: SyncedDoc): Promise<void> {
    if (doc.ref.kind !== 'order' || this.closed) return;
    const view = doc.orderView();
    if (view) await this.changed(doc.ref.orderId, view);
  }

  /** An order changed on another node: what afterCommit does, on the order as stored now. */
  async orderChanged(orderId: OrderId): Promise<void> {
    if (this.closed) return;
    const view = await this.desk.view(orderId);
    if (view) await this.changed(orderId, view);
  }

  private async changed(orderId: OrderId, view: OrderView): Promise<void> {
    if (!isDelivery(view.header)) return;
    const offered = (await this.d.state.offer(orderId)) !== null;
    if (needsDriver(view)) {
      if (!offered) this.kick();
      return;
    }
    // Assigned by hand (or accepted), cancelled, rejected: the offer is void and its driver free again.
    if (offered) this.background('withdraw', () => this.withdrawIfSettled(orderId));
    else if (this.mirror.has(orderId)) this.background('settle', () => this.settleIfDone(orderId));
    if (!offered && view.state.driverId !== null && isTerminal(view.state.status)) this.kick();
  }

  /** Asks again for every delivery waiting for a driver (a driver came on shift, moved, or freed a place). */
  kick(): void {
    if (this.kickQueued || this.closed) return;
    this.kickQueued = true;
    this.background('dispatch', async () => {
      this.kickQueued = false;
      await this.dispatchAwaiting(false);
    });
  }

  /** The driver takes the order: the server appends `assigned` as system. Refused when the offer is not (or no longer) theirs. */
  accept(driverId: UserId, orderId: OrderId): Promise<Result<undefined, AcceptRefusal>> {
    return this.queue(async () => {
      const row = await this.d.state.offer(orderId);
      if (!row || row.driverId !== driverId) {
        if ((await this.d.orders.get(orderId))?.driverId === driverId) return ok(); // accepted before; the answer was lost
        const code = await this.notTheirs(orderId, driverId);
        return fail(code, NOT_THEIRS[code]);
      }
      if (!this.desk.takeable(row)) {
        await this.desk.end(row, 'timeout');
        await this.dispatchAwaiting(false);
        return fail('offer_expired', 'This offer has timed out and went to another driver.');
      }
      const assigned = await appendServerEvents(
        this.d.registry,
        orderId,
        this.d.clock.now(),
        (view) => (needsDriver(view) ? [{ id: newEventId(), type: 'assigned', by: SYSTEM, driverId }] : null),
        this.d.fence,
      );
      await this.desk.withdraw(row, true);
      if (!assigned) {
        await this.dispatchAwaiting(false);
        return fail('offer_expired', 'This order no longer needs a driver.');
      }
      // Answered once the assignment is projected: the phone opens the order straight after, the order index
      // is what lets it in, and under load the projection came after the answer (a refusal then stood).
      await this.d.registry.hooksStartedSettled(orderDocName(orderId));
      this.d.log.info('offer accepted', { orderId, driverId });
      return ok();
    });
  }

  /** The driver passes: the offer moves on at once. Declining an offer that already ended succeeds and does nothing. */
  decline(driverId: UserId, orderId: OrderId, reason: string | null): Promise<Result<undefined, DeclineRefusal>> {
    return this.queue(async () => {
      const row = await this.d.state.offer(orderId);
      if (row?.driverId === driverId) {
        await this.desk.end(row, 'declined', reason);
        await this.dispatchAwaiting(false);
        return ok();
      }
      const code = await this.notTheirs(orderId, driverId);
      return code === 'offer_expired' ? ok() : fail(code, NOT_THEIRS[code]);
    });
  }

  /** Off shift: the driver's pending offers go to others at once (no exclusion: they are simply not on shift). */
  shiftChanged(driverId: UserId, onShift: boolean): Promise<Result<undefined, ShuttingDown>> {
    return this.queue(async () => {
      if (!onShift) for (const row of await this.d.state.offers()) if (row.driverId === driverId) await this.desk.withdraw(row);
      await this.dispatchAwaiting(false);
      return ok();
    });
  }

  /** `POST /newdelivery`: assigns the best-fit driver at once, no offer; any pending offer for the order is withdrawn. */
  assignNow(orderId: OrderId): Promise<Result<ChosenDriver, AssignRefusal>> {
    return this.queue(async () => {
      const view = (await this.d.orders.get(orderId)) ? await this.desk.view(orderId) : null;
      if (!view) return fail('unknown_order', 'There is no such order.');
      if (!isDelivery(view.header)) return fail('not_a_delivery', 'This order is not a delivery.');
      const open = (s: typeof view.state) => !isTerminal(s.status) && s.status !== 'picked_up';
      if (!open(view.state)) return fail('order_finished', `This order is already ${view.state.status.replace('_', ' ')}.`);
      if (view.state.driverId !== null) return fail('already_assigned', 'This order already has a driver.');
      const choice = await this.desk.choose(view, new Set(), 'assign');
      if (!choice.ok) return fail('no_driver_available', 'No driver on shift with room for it is near the outlet.');
      const assigned = await appendServerEvents(
        this.d.registry,
        orderId,
        this.d.clock.now(),
        (now) =>
          now.state.driverId === null && open(now.state)
            ? [{ id: newEventId(), type: 'assigned', by: SYSTEM, driverId: choice.value.driverId }]
            : null,
        this.d.fence,
      );
      if (!assigned) return fail('order_changed', 'The order changed while assigning it; look at it again.');
      // Answered once the assignment is projected (the driver's orders in the index): the delivery API's
      // caller reads the agent's order next, and under load the projection came after the answer.
      await this.d.registry.hooksStartedSettled(orderDocName(orderId));
      // The offer it replaces freed its driver's place: the next waiting delivery may go there.
      const pending = await this.d.state.offer(orderId);
      if (pending) {
        await this.desk.withdraw(pending, true);
        await this.dispatchAwaiting(false);
      } else await this.mirror.settle(orderId);
      return ok(choice.value);
    });
  }

  /** Stops timers and waits for the decision in progress; nothing is decided after. */
  async close(): Promise<void> {
    this.closed = true;
    this.cancelRetry?.();
    this.cancelRetry = null;
    this.desk.cancelTimers();
    await this.serial.idle();
  }

  private async withdrawIfSettled(orderId: OrderId): Promise<void> {
    const row = await this.d.state.offer(orderId);
    if (!row) return;
    const view = await this.desk.view(orderId);
    if (view && needsDriver(view)) return;
    await this.desk.withdraw(row, true);
    await this.dispatchAwaiting(false);
  }

  /** An order admins saw waiting that no longer needs a driver (assigned by hand, cancelled) leaves the dispatch mirror. */
  private async settleIfDone(orderId: OrderId): Promise<void> {
    if (await this.d.state.offer(orderId)) return;
    const view = await this.desk.view(orderId);
    if (!view || !needsDriver(view)) await this.mirror.settle(orderId);
  }

  /**
   * Offers every waiting delivery, oldest first, on one read of the drivers (DriverPool); with some left
   * waiting, asks again after `retryMs`.
   */
  private async dispatchAwaiting(newRound: boolean): Promise<void> {
    const offers = await this.d.state.offers();
    const offered = new Set(offers.map((o) => o.orderId));
    const unoffered = (await this.d.driverOrders.awaitingDriver()).filter((orderId) => !offered.has(orderId));
    if (unoffered.length === 0) return;
    const pool = await this.desk.pool(offers);
    let waiting = 0;
    for (const orderId of unoffered) {
      try {
        if ((await this.desk.offer(orderId, newRound, pool)) === 'waiting') waiting += 1;
      } catch (err: unknown) {
        if (err instanceof FenceLost) throw err; // the term is over: nothing more is decided in it
        // One order whose document cannot be read must not hold up every other delivery; it is tried again later.
        waiting += 1;
        this.d.log.error('dispatch failed for an order', { orderId, error: String(err) });
      }
    }
    if (waiting > 0 && !this.cancelRetry && !this.closed) {
      this.cancelRetry = this.d.clock.after(this.d.retryMs, () => {
        this.cancelRetry = null;
        this.background('retry', () => this.dispatchAwaiting(true));
      });
    }
  }

  /** Expired: the driver had their turn, or the order is no longer looking for anyone. Not yours: it is, but not you. */
  private async notTheirs(orderId: OrderId, driverId: UserId): Promise<NotTheirs> {
    const row = await this.d.orders.get(orderId);
    const looking = row !== null && row.driverId === null && AWAITING_DRIVER.includes(row.status);
    return (await this.d.state.exclusions(orderId)).has(driverId) || (row !== null && !looking) ? 'offer_expired' : 'offer_not_yours';
  }

  private queue<T, C extends string>(job: () => Promise<Result<T, C>>): Promise<Result<T, C | ShuttingDown>> {
    return this.serial.run('dispatch', (): Promise<Result<T, C | ShuttingDown>> => (this.closed ? Promise.resolve(SHUTTING_DOWN) : job()));
  }

  /** Work nobody waits for: failures are logged; after close it is dropped. */
  private background(what: string, job: () => Promise<void>): void {
    this.serial
      .run('dispatch', async () => {
        if (!this.closed) await job();
      })
      .catch((err: unknown) => {
        if (err instanceof FenceLost && this.d.fenceLost) this.d.fenceLost(err);
        else this.d.log.error(`dispatch failed: ${what}`, { error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
      });
  }
}
