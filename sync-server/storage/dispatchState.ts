import { OrderIdSchema, UserIdSchema, type OrderId, type UserId } from '../../shared/ids';
import type { Offer } from '../../shared/inbox';
import type { Db } from './db';

export interface OfferRow {
  readonly orderId: OrderId;
  readonly driverId: UserId;
  readonly offeredAt: number;
  readonly expiresAt: number;
  /** Exactly what the driver's inbox shows, so it can be written again after a restart. */
  readonly offer: Offer;
}

export type ExclusionReason = 'declined' | 'timeout' | 'unassigned';

interface Row {
  order_id: string;
  driver_id: string;
  offered_at: number;
  expires_at: number;
  offer: string;
}

const toOffer = (r: Row): OfferRow => ({
  orderId: OrderIdSchema.parse(r.order_id),
  driverId: UserIdSchema.parse(r.driver_id),
  offeredAt: r.offered_at,
  expiresAt: r.expires_at,
  offer: JSON.parse(r.offer) as Offer,
});

/** Dispatch's durable state: the pending offer per order and who is no longer asked to take which order. */
export class DispatchState {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      offer: db.prepare<[string], Row>('SELECT * FROM dispatch_offers WHERE order_id = ?'),
      offers: db.prepare<[], Row>('SELECT * FROM dispatch_offers ORDER BY offered_at, order_id'),
      putOffer: db.prepare<[string, string, number, number, string]>(
        'INSERT OR REPLACE INTO dispatch_offers (order_id, driver_id, offered_at, expires_at, offer) VALUES (?, ?, ?, ?, ?)',
      ),
      deleteOffer: db.prepare<[string]>('DELETE FROM dispatch_offers WHERE order_id = ?'),
      exclusions: db.prepare<[string], { driver_id: string; reason: ExclusionReason }>(
        'SELECT driver_id, reason FROM dispatch_exclusions WHERE order_id = ?',
      ),
      exclude: db.prepare<[string, string, string, number]>(
        'INSERT OR REPLACE INTO dispatch_exclusions (order_id, driver_id, reason, at) VALUES (?, ?, ?, ?)',
      ),
      clearRound: db.prepare<[string]>("DELETE FROM dispatch_exclusions WHERE order_id = ? AND reason IN ('declined', 'timeout')"),
    };
  }

  offer(orderId: OrderId): OfferRow | null {
    const row = this.s.offer.get(orderId);
    return row ? toOffer(row) : null;
  }

  /** Every pending offer, oldest first. */
  offers(): OfferRow[] {
    return this.s.offers.all().map(toOffer);
  }

  putOffer(row: OfferRow): void {
    this.s.putOffer.run(row.orderId, row.driverId, row.offeredAt, row.expiresAt, JSON.stringify(row.offer));
  }

  deleteOffer(orderId: OrderId): void {
    this.s.deleteOffer.run(orderId);
  }

  exclusions(orderId: OrderId): Map<UserId, ExclusionReason> {
    return new Map(this.s.exclusions.all(orderId).map((r) => [UserIdSchema.parse(r.driver_id), r.reason]));
  }

  exclude(orderId: OrderId, driverId: UserId, reason: ExclusionReason, at: number): void {
    this.s.exclude.run(orderId, driverId, reason, at);
  }

  /** A new round: drivers who declined or let the offer lapse may be asked again; those taken off it may not. */
  clearRound(orderId: OrderId): void {
    this.s.clearRound.run(orderId);
  }
}
