import { OrderIdSchema, type OrderId } from '../../shared/ids';
import type { OrderTimings } from '../../shared/order/orderTimings';
import type { Db } from './db';

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

export const sameTimings = (a: OrderTimings, b: OrderTimings): boolean => FIELDS.every((f) => a[f] === b[f]);

/** The timing columns of the order index: what stats and the CSV export read, kept from the order documents. */
export class OrderTimingsIndex {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      get: db.prepare<[string], Row>(
        `SELECT accepted_at, prep_minutes, delay_minutes, ready_at, picked_up_at, finished_at, promised_at, late, end_reason,
           cash_due, timings_version FROM orders WHERE id = ?`,
      ),
      write: db.prepare<
        [
          number | null,
          number | null,
          number,
          number | null,
          number | null,
          number | null,
          number | null,
          number | null,
          string | null,
          number,
          number,
          string,
        ]
      >(
        `UPDATE orders SET accepted_at = ?, prep_minutes = ?, delay_minutes = ?, ready_at = ?, picked_up_at = ?, finished_at = ?,
           promised_at = ?, late = ?, end_reason = ?, cash_due = ?, timings_version = ? WHERE id = ?`,
      ),
      stale: db.prepare<[number, number], { id: string }>(
        'SELECT id FROM orders WHERE timings_version IS NULL OR timings_version < ? LIMIT ?',
      ),
      markUnreadable: db.prepare<[number, string]>('UPDATE orders SET timings_version = ? WHERE id = ?'),
    };
  }

  /** The stored timings, or null when none were written (or by an older derivation); null too for an unknown order. */
  get(id: OrderId): OrderTimings | null {
    const row = this.s.get.get(id);
    return row && row.timings_version === TIMINGS_VERSION ? toTimings(row) : null;
  }

  write(id: OrderId, t: OrderTimings): void {
    this.s.write.run(
      t.acceptedAt,
      t.prepMinutes,
      t.delayMinutes,
      t.readyAt,
      t.pickedUpAt,
      t.finishedAt,
      t.promisedAt,
      t.late === null ? null : t.late ? 1 : 0,
      t.endReason,
      t.cashDue,
      TIMINGS_VERSION,
      id,
    );
  }

  /** An order whose document holds no readable order: nothing to derive, and not worth reading again. */
  markUnreadable(id: OrderId): void {
    this.s.markUnreadable.run(TIMINGS_VERSION, id);
  }

  /** Up to `limit` orders whose timings were never written by this derivation. */
  stale(limit: number): OrderId[] {
    return this.s.stale.all(TIMINGS_VERSION, limit).map((r) => OrderIdSchema.parse(r.id));
  }
}
