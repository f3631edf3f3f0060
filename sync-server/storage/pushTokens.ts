import { z } from 'zod';
import { DeviceIdSchema, PUSH_APPS, type DeviceId, type PushApp } from '../../shared/api/devices';
import { UserIdSchema, type OrderId, type OutletId, type TrackingToken, type UserId } from '../../shared/ids';
import type { Db } from './db';

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

/** Signed-in devices of enabled accounts only: a disabled user's tablet is not woken. */
const DEVICES =
  'SELECT t.token, t.user_id, t.app, t.device_id FROM device_push_tokens t JOIN users u ON u.id = t.user_id WHERE u.disabled = 0';

/**
 * The push tokens wake-ups go to: devices of signed-in users (`device_push_tokens`) and customers'
 * browsers following a tracking link (`track_push_tokens`). Each owner keeps at most MAX_PUSH_TOKENS,
 * the most recently registered.
 */
export class PushTokens {
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      upsertDevice: db.prepare<[string, string, string, string | null, number, number]>(
        `INSERT INTO device_push_tokens (token, user_id, app, device_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (token) DO UPDATE SET user_id = excluded.user_id, app = excluded.app, device_id = excluded.device_id,
           updated_at = excluded.updated_at`,
      ),
      trimUser: db.prepare<[string, string, number]>(
        `DELETE FROM device_push_tokens WHERE user_id = ? AND token IN (
           SELECT token FROM device_push_tokens WHERE user_id = ? ORDER BY updated_at DESC, token LIMIT -1 OFFSET ?)`,
      ),
      deleteOwn: db.prepare<[string, string]>('DELETE FROM device_push_tokens WHERE token = ? AND user_id = ?'),
      deleteUser: db.prepare<[string]>('DELETE FROM device_push_tokens WHERE user_id = ?'),
      ofUser: db.prepare<[string], DeviceRow>(`${DEVICES} AND t.user_id = ?`),
      ofOutlet: db.prepare<[string], DeviceRow>(`${DEVICES} AND u.role = 'outlet' AND u.outlet_id = ? AND t.app = 'outlet'`),
      ofAdmins: db.prepare<[], DeviceRow>(`${DEVICES} AND u.role = 'admin' AND t.app = 'admin'`),
      upsertTrack: db.prepare<[string, string, string, number, number]>(
        `INSERT INTO track_push_tokens (tracking_token, token, order_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (tracking_token, token) DO UPDATE SET updated_at = excluded.updated_at`,
      ),
      trimTrack: db.prepare<[string, string, number]>(
        `DELETE FROM track_push_tokens WHERE tracking_token = ? AND token IN (
           SELECT token FROM track_push_tokens WHERE tracking_token = ? ORDER BY updated_at DESC, token LIMIT -1 OFFSET ?)`,
      ),
      deleteTrackToken: db.prepare<[string, string]>('DELETE FROM track_push_tokens WHERE tracking_token = ? AND token = ?'),
      deleteTrack: db.prepare<[string]>('DELETE FROM track_push_tokens WHERE tracking_token = ?'),
      ofTrack: db.prepare<[string], { token: string }>('SELECT token FROM track_push_tokens WHERE tracking_token = ?'),
      forgetDevice: db.prepare<[string]>('DELETE FROM device_push_tokens WHERE token = ?'),
      forgetTrack: db.prepare<[string]>('DELETE FROM track_push_tokens WHERE token = ?'),
    };
  }

  /** Registers `token` for the user's `app`, taking it from whoever held it; the user's oldest tokens beyond the cap go. */
  registerDevice(token: string, userId: UserId, app: PushApp, deviceId: DeviceId | null, now: number): void {
    this.db.transaction(() => {
      this.s.upsertDevice.run(token, userId, app, deviceId, now, now);
      this.s.trimUser.run(userId, userId, MAX_PUSH_TOKENS);
    })();
  }

  /** Removes the user's own token; false when the user holds no such token (someone else's included). */
  unregisterDevice(token: string, userId: UserId): boolean {
    return this.s.deleteOwn.run(token, userId).changes > 0;
  }

  /** Every token of the user (signed out everywhere, or disabled). */
  deleteUser(userId: UserId): void {
    this.s.deleteUser.run(userId);
  }

  registerTrack(trackingToken: TrackingToken, orderId: OrderId, token: string, now: number): void {
    this.db.transaction(() => {
      this.s.upsertTrack.run(trackingToken, token, orderId, now, now);
      this.s.trimTrack.run(trackingToken, trackingToken, MAX_PUSH_TOKENS);
    })();
  }

  /** False when the token was not following this tracking link. */
  unregisterTrack(trackingToken: TrackingToken, token: string): boolean {
    return this.s.deleteTrackToken.run(trackingToken, token).changes > 0;
  }

  /** Every browser following the link (the order is finished). */
  deleteTrack(trackingToken: TrackingToken): void {
    this.s.deleteTrack.run(trackingToken);
  }

  /** FCM says the token is no longer valid: it goes from every user and tracking link. */
  forget(token: string): void {
    this.db.transaction(() => {
      this.s.forgetDevice.run(token);
      this.s.forgetTrack.run(token);
    })();
  }

  ofUser(userId: UserId): PushRecipient[] {
    return this.s.ofUser.all(userId).map(toDevice);
  }

  /** The outlet app on devices of the outlet's staff. */
  ofOutlet(outletId: OutletId): PushRecipient[] {
    return this.s.ofOutlet.all(outletId).map(toDevice);
  }

  /** The admin app on every admin's devices. */
  ofAdmins(): PushRecipient[] {
    return this.s.ofAdmins.all().map(toDevice);
  }

  ofTrack(trackingToken: TrackingToken): PushRecipient[] {
    return this.s.ofTrack.all(trackingToken).map(toTrack);
  }
}
