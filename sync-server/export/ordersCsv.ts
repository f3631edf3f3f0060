import { ORDERS_CSV_COLUMNS, type OrdersCsvColumn } from '../../shared/api/adminOrdersCsv';
import { zonedDateTime } from '../../shared/zonedTime';
import type { ExportRow } from '../storage/orderExport';
import { csvRow, type CsvValue } from './csv';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const major = (minor: number | null): string | null => (minor === null ? null : (minor / 100).toFixed(2));

/** One order as a CSV record, in ORDERS_CSV_COLUMNS order; `timeZone` is its outlet's. */
export function orderRecord(r: ExportRow, timeZone: string): string {
  const cells: { readonly [C in OrdersCsvColumn]: CsvValue } = {
    order_id: r.id,
    placed_at: iso(r.created_at),
    placed_local: zonedDateTime(r.created_at, timeZone),
    outlet_id: r.outlet_id,
    outlet_name: r.outlet_name,
    type: r.type,
    source: r.source,
    status: r.status,
    customer_name: r.customer_name,
    customer_phone: r.customer_phone,
    total: major(r.total),
    tax: major(r.tax),
    currency: r.currency,
    driver_id: r.driver_id,
    driver_name: r.driver_name,
    accepted_at: iso(r.accepted_at),
    prep_minutes_promised: r.prep_minutes,
    ready_at: iso(r.ready_at),
    picked_up_at: iso(r.picked_up_at),
    finished_at: iso(r.finished_at),
    promised_at: iso(r.promised_at),
    late: r.late === null ? null : r.late === 1 ? 'yes' : 'no',
    end_reason: r.end_reason,
  };
  return csvRow(ORDERS_CSV_COLUMNS.map((c) => cells[c]));
}

export const ordersCsvHeader = (): string => csvRow(ORDERS_CSV_COLUMNS);

/** `dabba-orders-2024-05-01-2024-05-03.csv`: the range's UTC dates, `to` as the last day included. */
export function ordersCsvFilename(from: number, to: number): string {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return `dabba-orders-${day(from)}-${day(Math.max(from, to - 1))}.csv`;
}
