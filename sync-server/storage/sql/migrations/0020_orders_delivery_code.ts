import type { Kysely, Migration } from 'kysely';
import { dialectTypes } from './dialectTypes';

/**
 * orders.delivery_code: the code a delivery order's customer reads out at the door, kept by the server
 * alone for the tracking link (the order document carries only its salted hash). NULL for pickup,
 * dine-in and orders placed before delivery codes. Text compares by bytes on both, as every text column does.
 */
async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('orders').addColumn('delivery_code', dialectTypes(db).text).execute();
}

export const ordersDeliveryCode: Migration = { up };
