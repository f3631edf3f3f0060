import type { Kysely, Migration } from 'kysely';
import { dialectTypes } from './dialectTypes';

/**
 * A webhook's secret before its last rotation, and until when deliveries are still signed with it too
 * (sync-server/outbox/rotateSecret.ts): a receiver keeps verifying while it is given the new one.
 * Both null when the webhook was never rotated or the window has passed.
 */
async function up(db: Kysely<unknown>): Promise<void> {
  const { text, bigint } = dialectTypes(db);
  await db.schema.alterTable('webhooks').addColumn('previous_secret', text).execute();
  await db.schema.alterTable('webhooks').addColumn('previous_secret_until', bigint).execute();
}

export const webhookSecretRotation: Migration = { up };
