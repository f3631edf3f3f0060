import type { Kysely } from 'kysely';
import type { OutletId } from '../../shared/ids';
import type { Database } from './sql/schema';

/** One order as the CSV export reads it from the index, with its outlet's and driver's names. */
export interface ExportRow {
  readonly id: string;
  readonly created_at: number;
  readonly outlet_id: string;
  readonly outlet_name: string | null;
  readonly type: string | null;
  readonly source: string | null;
  readonly status: string;
  readonly customer_name: string | null;
  readonly customer_phone: string | null;
  readonly total: number | null;
  readonly tax: number | null;
  readonly currency: string | null;
  readonly driver_id: string | null;
  readonly driver_name: string | null;
  readonly accepted_at: number | null;
  readonly prep_minutes: number | null;
  readonly ready_at: number | null;
  readonly picked_up_at: number | null;
  readonly finished_at: number | null;
  readonly promised_at: number | null;
  readonly late: number | null;
  readonly end_reason: string | null;
}

export interface ExportFilter {
  readonly from: number;
  readonly to: number;
  readonly outletId: OutletId | null;
}

/** Where the previous page ended: pages follow (created_at, id), so rows written meanwhile never shift them. */
export interface ExportCursor {
  readonly createdAt: number;
  readonly id: string;
}

/**
 * Orders placed in a range, oldest first, a page at a time. Each page is a query of its own and nothing
 * stays open between pages: the export waits on a slow client between them. Ids break ties in byte order
 * on both dialects (PostgreSQL's text columns are COLLATE "C").
 */
export class OrderExport {
  constructor(private readonly db: Kysely<Database>) {}

  async next(filter: ExportFilter, after: ExportCursor | null, limit: number): Promise<ExportRow[]> {
    let page = this.db
      .selectFrom('orders as o')
      .leftJoin('outlets as ot', 'ot.id', 'o.outlet_id')
      .leftJoin('users as u', 'u.id', 'o.driver_id')
      .select([
        'o.id',
        'o.created_at',
        'o.outlet_id',
        'ot.name as outlet_name',
        'o.type',
        'o.source',
        'o.status',
        'o.customer_name',
        'o.customer_phone',
        'o.total',
        'o.tax',
        'o.currency',
        'o.driver_id',
        'u.name as driver_name',
        'o.accepted_at',
        'o.prep_minutes',
        'o.ready_at',
        'o.picked_up_at',
        'o.finished_at',
        'o.promised_at',
        'o.late',
        'o.end_reason',
      ])
      .where('o.created_at', '>=', filter.from)
      .where('o.created_at', '<', filter.to);
    if (filter.outletId !== null) page = page.where('o.outlet_id', '=', filter.outletId);
    if (after !== null) page = page.where((eb) => eb(eb.refTuple('o.created_at', 'o.id'), '>', eb.tuple(after.createdAt, after.id)));
    return page.orderBy('o.created_at').orderBy('o.id').limit(limit).execute();
  }
}
