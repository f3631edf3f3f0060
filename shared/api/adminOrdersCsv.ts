import { z } from 'zod';
import { OutletIdSchema } from '../ids';
import { instantSchema, withinDays } from './instant';

/** The longest range one CSV export covers. */
export const ORDERS_CSV_MAX_DAYS = 366;

/**
 * `GET /api/admin/orders.csv?from=&to=[&outletId=]` (admin): orders placed in [from, to) (epoch ms or
 * ISO 8601), oldest first, as `text/csv; charset=utf-8` with `Content-Disposition: attachment;
 * filename="dabba-orders-<from>-<to>.csv"` (UTC dates). The body is streamed.
 */
export const ordersCsvQuerySchema = z
  .object({ from: instantSchema, to: instantSchema, outletId: OutletIdSchema.optional() })
  .superRefine(withinDays(ORDERS_CSV_MAX_DAYS));

/**
 * The header row, in order. Times are ISO 8601 UTC (`placed_local` is the outlet's wall clock);
 * amounts are decimal major units (`total` 123.50 with `currency` INR; `tax` is every tax charged, whether
 * inside the prices or added to them); an empty cell is unknown or
 * not applicable. A cell that starts with = + - @ (or a tab or carriage return) is written with a leading
 * apostrophe so spreadsheets never run it as a formula; that includes ids that happen to start with "-".
 */
export const ORDERS_CSV_COLUMNS = [
  'order_id',
  'placed_at',
  'placed_local',
  'outlet_id',
  'outlet_name',
  'type',
  'source',
  'status',
  'customer_name',
  'customer_phone',
  'total',
  'tax',
  'currency',
  'driver_id',
  'driver_name',
  'accepted_at',
  'prep_minutes_promised',
  'ready_at',
  'picked_up_at',
  'finished_at',
  'promised_at',
  'late',
  'end_reason',
] as const;
export type OrdersCsvColumn = (typeof ORDERS_CSV_COLUMNS)[number];
