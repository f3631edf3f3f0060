import type { OutletId } from '../../shared/ids';
import type { Db } from './db';

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

type Params = { from: number; to: number; outletId: string | null; afterAt: number | null; afterId: string; limit: number };

/**
 * Orders placed in a range, oldest first, a page at a time. No statement stays open between pages:
 * better-sqlite3 runs one at a time per connection, and the export waits on a slow client between them.
 */
export class OrderExport {
  private readonly page;

  constructor(db: Db) {
    this.page = db.prepare<Params, ExportRow>(`
      SELECT o.id, o.created_at, o.outlet_id, ot.name AS outlet_name, o.type, o.source, o.status, o.customer_name, o.customer_phone,
        o.total, o.currency, o.driver_id, u.name AS driver_name, o.accepted_at, o.prep_minutes, o.ready_at, o.picked_up_at,
        o.finished_at, o.promised_at, o.late, o.end_reason
      FROM orders o LEFT JOIN outlets ot ON ot.id = o.outlet_id LEFT JOIN users u ON u.id = o.driver_id
      WHERE o.created_at >= @from AND o.created_at < @to AND (@outletId IS NULL OR o.outlet_id = @outletId)
        AND (@afterAt IS NULL OR o.created_at > @afterAt OR (o.created_at = @afterAt AND o.id > @afterId))
      ORDER BY o.created_at, o.id
      LIMIT @limit`);
  }

  next(filter: ExportFilter, after: ExportCursor | null, limit: number): ExportRow[] {
    return this.page.all({
      from: filter.from,
      to: filter.to,
      outletId: filter.outletId,
      afterAt: after?.createdAt ?? null,
      afterId: after?.id ?? '',
      limit,
    });
  }
}
