import type { Kysely, Selectable } from 'kysely';
import { OrderIdSchema, UserIdSchema, type OrderId, type UserId } from '../../shared/ids';
import type { Offer } from '../../shared/inbox';
import type { WrittenAlong } from './docStore';
import type { Database, DispatchOffersTable } from './sql/schema';

export interface OfferRow {
  readonly orderId: OrderId;
  readonly driverId: UserId;
  readonly offeredAt: number;
  readonly expiresAt: number;
  /** Exactly what the driver's inbox shows, so it can be written again after a restart. */
  readonly offer: Offer;
}

export type ExclusionReason = 'declined' | 'timeout' | 'unassigned';

const toOffer = (r: Selectable<DispatchOffersTable>): OfferRow => ({
  orderId: OrderIdSchema.parse(r.order_id),
  driverId: UserIdSchema.parse(r.driver_id),
  offeredAt: r.offered_at,
  expiresAt: r.expires_at,
  // Written by putOffer from an Offer the server built, never by a client.
  offer: JSON.parse(r.offer) as Offer,
});

/**
 * Dispatch's durable state: the pending offer per order and who is no longer asked to take which order.
 * With a `guard` (a leader's fence, see dispatchFence.ts) every write runs in a transaction with it, and
 * is refused once another leader took over.
 */
export class DispatchState {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly guard: WrittenAlong | null = null,
  ) {}

  async offer(orderId: OrderId): Promise<OfferRow | null> {
    const row = await this.db.selectFrom('dispatch_offers').selectAll().where('order_id', '=', orderId).executeTakeFirst();
    return row ? toOffer(row) : null;
  }

  /** Every pending offer, oldest first. */
  async offers(): Promise<OfferRow[]> {
    const rows = await this.db.selectFrom('dispatch_offers').selectAll().orderBy('offered_at').orderBy('order_id').execute();
    return rows.map(toOffer);
  }

  /** Stores the order's offer, replacing the one it had. */
  async putOffer(row: OfferRow): Promise<void> {
    const values = {
      order_id: row.orderId,
      driver_id: row.driverId,
      offered_at: row.offeredAt,
      expires_at: row.expiresAt,
      offer: JSON.stringify(row.offer),
    };
    await this.write((db) =>
      db
        .insertInto('dispatch_offers')
        .values(values)
        .onConflict((conflict) =>
          conflict.column('order_id').doUpdateSet({
            driver_id: values.driver_id,
            offered_at: values.offered_at,
            expires_at: values.expires_at,
            offer: values.offer,
          }),
        )
        .execute(),
    );
  }

  async deleteOffer(orderId: OrderId): Promise<void> {
    await this.write((db) => db.deleteFrom('dispatch_offers').where('order_id', '=', orderId).execute());
  }

  async exclusions(orderId: OrderId): Promise<Map<UserId, ExclusionReason>> {
    const rows = await this.db.selectFrom('dispatch_exclusions').select(['driver_id', 'reason']).where('order_id', '=', orderId).execute();
    return new Map(rows.map((r) => [UserIdSchema.parse(r.driver_id), r.reason]));
  }

  /** Excludes the driver from the order, for `reason` as of `at`: a later exclusion replaces an earlier one. */
  async exclude(orderId: OrderId, driverId: UserId, reason: ExclusionReason, at: number): Promise<void> {
    await this.write((db) =>
      db
        .insertInto('dispatch_exclusions')
        .values({ order_id: orderId, driver_id: driverId, reason, at })
        .onConflict((conflict) => conflict.columns(['order_id', 'driver_id']).doUpdateSet({ reason, at }))
        .execute(),
    );
  }

  /** A new round: drivers who declined or let the offer lapse may be asked again; those taken off it may not. */
  async clearRound(orderId: OrderId): Promise<void> {
    await this.write((db) =>
      db.deleteFrom('dispatch_exclusions').where('order_id', '=', orderId).where('reason', 'in', ['declined', 'timeout']).execute(),
    );
  }

  private async write(statement: (db: Kysely<Database>) => Promise<unknown>): Promise<void> {
    const guard = this.guard;
    if (!guard) {
      await statement(this.db);
      return;
    }
    await this.db.transaction().execute(async (trx) => {
      await guard(trx);
      await statement(trx);
    });
  }
}
