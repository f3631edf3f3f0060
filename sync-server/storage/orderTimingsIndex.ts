import { OrderIdSchema, type OrderId } from '../../shared/ids';
import type { OrderTimings } from '../../shared/order/orderTimings';
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from './sql/schema';

/** Which derivation wrote an order's timing columns; raise it when orderTimings changes meaning, and they are written again at start. */
export const TIMINGS_VERSION = 1;

interface Row {
  accepted_at: number | null;
  prep_minutes: number | null;
  delay_minutes: number | null;
  ready_at: number | null;
  picked_up_at: number | null;
  finished_at: number | null;
  promised_at: number | null;
  late: number | null;
  end_reason: string | null;
  cash_due: number | null;
  timings_version: number | null;
}

const toTimings = (r: Row): OrderTimings => ({
  acceptedAt: r.accepted_at,
  prepMinutes: r.prep_minutes,
  delayMinutes: r.delay_minutes ?? 0,
  readyAt: r.ready_at,
  pickedUpAt: r.picked_up_at,
  finishedAt: r.finished_at,
  promisedAt: r.promised_at,
  late: r.late === null ? null : r.late === 1,
  endReason: r.end_reason,
  cashDue: r.cash_due ?? 0,
});

const FIELDS: readonly (keyof OrderTimings)[] = [
  'acceptedAt',
  'prepMinutes',
  'delayMinutes',
  'readyAt',
  'pickedUpAt',
  'finishedAt',
  'promisedAt',
  'late',
  'endReason',
  'cashDue',
];

/** The timing columns of an order's index row, with the derivation that wrote them. */
export const TIMING_COLUMNS = [
  'accepted_at',
  'prep_minutes',
  'delay_minutes',
  'ready_at',
  'picked_up_at',
  'finished_at',
  'promised_at',
  'late',
  'end_reason',
  'cash_due',
  'timings_version',
] as const;

const stale = (eb: ExpressionBuilder<Database, 'orders'>) =>
  eb.or([eb('timings_version', 'is', null), eb('timings_version', '<', TIMINGS_VERSION)]);

export const sameTimings = (a: OrderTimings, b: OrderTimings): boolean => FIELDS.every((f) => a[f] === b[f]);

const columns = (t: OrderTimings) => ({
  accepted_at: t.acceptedAt,
  prep_minutes: t.prepMinutes,
  delay_minutes: t.delayMinutes,
  ready_at: t.readyAt,
  picked_up_at: t.pickedUpAt,
  finished_at: t.finishedAt,
  promised_at: t.promisedAt,
  late: t.late === null ? null : t.late ? 1 : 0,
  end_reason: t.endReason,
  cash_due: t.cashDue,
  timings_version: TIMINGS_VERSION,
});

/** The timing columns of the order index: what stats and the CSV export read, kept from the order documents. */
export class OrderTimingsIndex {
  constructor(private readonly db: Kysely<Database>) {}

  /** The stored timings, or null when none were written (or by an older derivation); null too for an unknown order. */
  async get(id: OrderId): Promise<OrderTimings | null> {
    const row = await this.db.selectFrom('orders').select(TIMING_COLUMNS).where('id', '=', id).executeTakeFirst();
    return row && row.timings_version === TIMINGS_VERSION ? toTimings(row) : null;
  }

  async write(id: OrderId, t: OrderTimings): Promise<void> {
    await this.db.updateTable('orders').set(columns(t)).where('id', '=', id).execute();
  }

  /**
   * Writes timings derived outside the projection (the start-up backfill), only while the order is still
   * stale: if the projection wrote it meanwhile, from a newer state of the document, that stays.
   */
  async writeIfStale(id: OrderId, t: OrderTimings): Promise<void> {
    await this.db.updateTable('orders').set(columns(t)).where('id', '=', id).where(stale).execute();
  }

  /** An order whose document holds no readable order: nothing to derive, and not worth reading again. */
  async markUnreadable(id: OrderId): Promise<void> {
    await this.db.updateTable('orders').set({ timings_version: TIMINGS_VERSION }).where('id', '=', id).where(stale).execute();
  }

  /** Up to `limit` orders whose timings were never written by this derivation. */
  async stale(limit: number): Promise<OrderId[]> {
    const rows = await this.db.selectFrom('orders').select('id').where(stale).orderBy('id').limit(limit).execute();
    return rows.map((r) => OrderIdSchema.parse(r.id));
  }
}
