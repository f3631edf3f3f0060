import type { Kysely } from 'kysely';
import { z } from 'zod';
import { DeviceIdSchema, PUSH_APPS, type DeviceId, type PushApp } from '../../shared/api/devices';
import { UserIdSchema, type OrderId, type OutletId, type TrackingToken, type UserId } from '../../shared/ids';
import type { Database } from './sql/schema';

/** Tokens one user, or one tracking link, may hold: a device that reinstalls leaves its old token behind. */
export const MAX_PUSH_TOKENS = 10;

/** One FCM registration token a wake-up may be sent to. */
export interface PushRecipient {
  readonly token: string;
  /** The signed-in user it belongs to; null for a customer's browser following a tracking link. */
  readonly userId: UserId | null;
  readonly app: PushApp | 'track';
  readonly deviceId: DeviceId | null;
}

interface DeviceRow {
  token: string;
  user_id: string;
  app: string;
  device_id: string | null;
}

const appSchema = z.enum(PUSH_APPS);

const toDevice = (r: DeviceRow): PushRecipient => ({
  token: r.token,
  userId: UserIdSchema.parse(r.user_id),
  app: appSchema.parse(r.app),
  deviceId: r.device_id === null ? null : DeviceIdSchema.parse(r.device_id),
});

const toTrack = (r: { token: string }): PushRecipient => ({ token: r.token, userId: null, app: 'track', deviceId: null });

/**
 * The push tokens wake-ups go to: devices of signed-in users (`device_push_tokens`) and customers'
 * browsers following a tracking link (`track_push_tokens`). Each owner keeps at most MAX_PUSH_TOKENS,
 * the most recently registered. Lists come in token order.
 */
export class PushTokens {
  constructor(private readonly db: Kysely<Database>) {}

  /** Registers `token` for the user's `app`, taking it from whoever held it; the user's oldest tokens beyond the cap go. */
  async registerDevice(token: string, userId: UserId, app: PushApp, deviceId: DeviceId | null, now: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('device_push_tokens')
        .values({ token, user_id: userId, app, device_id: deviceId, created_at: now, updated_at: now })
        .onConflict((oc) =>
          oc.column('token').doUpdateSet((eb) => ({
            user_id: eb.ref('excluded.user_id'),
            app: eb.ref('excluded.app'),
            device_id: eb.ref('excluded.device_id'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
      await trx
        .deleteFrom('device_push_tokens')
        .where('user_id', '=', userId)
        .where('token', 'not in', (eb) =>
          eb
            .selectFrom('device_push_tokens')
            .select('token')
            .where('user_id', '=', userId)
            .orderBy('updated_at', 'desc')
            .orderBy('token')
            .limit(MAX_PUSH_TOKENS),
        )
        .execute();
    });
  }

  /** Removes the user's own token; false when the user holds no such token (someone else's included). */
  async unregisterDevice(token: string, userId: UserId): Promise<boolean> {
    const result = await this.db
      .deleteFrom('device_push_tokens')
      .where('token', '=', token)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /** Every token of the user (signed out everywhere, or disabled). */
  async deleteUser(userId: UserId): Promise<void> {
    await this.db.deleteFrom('device_push_tokens').where('user_id', '=', userId).execute();
  }

  async registerTrack(trackingToken: TrackingToken, orderId: OrderId, token: string, now: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('track_push_tokens')
        .values({ tracking_token: trackingToken, token, order_id: orderId, created_at: now, updated_at: now })
        .onConflict((oc) => oc.columns(['tracking_token', 'token']).doUpdateSet((eb) => ({ updated_at: eb.ref('excluded.updated_at') })))
        .execute();
      await trx
        .deleteFrom('track_push_tokens')
        .where('tracking_token', '=', trackingToken)
        .where('token', 'not in', (eb) =>
          eb
            .selectFrom('track_push_tokens')
            .select('token')
            .where('tracking_token', '=', trackingToken)
            .orderBy('updated_at', 'desc')
            .orderBy('token')
            .limit(MAX_PUSH_TOKENS),
        )
        .execute();
    });
  }

  /** False when the token was not following this tracking link. */
  async unregisterTrack(trackingToken: TrackingToken, token: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('track_push_tokens')
      .where('tracking_token', '=', trackingToken)
      .where('token', '=', token)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /** Every browser following the link (the order is finished). */
  async deleteTrack(trackingToken: TrackingToken): Promise<void> {
    await this.db.deleteFrom('track_push_tokens').where('tracking_token', '=', trackingToken).execute();
  }

  /** FCM says the token is no longer valid: it goes from every user and tracking link. */
  async forget(token: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('device_push_tokens').where('token', '=', token).execute();
      await trx.deleteFrom('track_push_tokens').where('token', '=', token).execute();
    });
  }

  async ofUser(userId: UserId): Promise<PushRecipient[]> {
    return (await this.devices().where('t.user_id', '=', userId).execute()).map(toDevice);
  }

  /** The outlet app on devices of the outlet's staff. */
  async ofOutlet(outletId: OutletId): Promise<PushRecipient[]> {
    const rows = await this.devices()
      .where('u.role', '=', 'outlet')
      .where('u.outlet_id', '=', outletId)
      .where('t.app', '=', 'outlet')
      .execute();
    return rows.map(toDevice);
  }

  /** The admin app on every admin's devices. */
  async ofAdmins(): Promise<PushRecipient[]> {
    return (await this.devices().where('u.role', '=', 'admin').where('t.app', '=', 'admin').execute()).map(toDevice);
  }

  async ofTrack(trackingToken: TrackingToken): Promise<PushRecipient[]> {
    const rows = await this.db
      .selectFrom('track_push_tokens')
      .select('token')
      .where('tracking_token', '=', trackingToken)
      .orderBy('token')
      .execute();
    return rows.map(toTrack);
  }

  /** Signed-in devices of enabled accounts only: a disabled user's tablet is not woken. */
  private devices() {
    return this.db
      .selectFrom('device_push_tokens as t')
      .innerJoin('users as u', 'u.id', 't.user_id')
      .select(['t.token', 't.user_id', 't.app', 't.device_id'])
      .where('u.disabled', '=', 0)
      .orderBy('t.token');
  }
}
