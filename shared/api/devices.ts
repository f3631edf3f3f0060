import { z } from 'zod';
import { ID_PATTERN } from '../ids';

/** The installed apps that can be woken by a push; customers register through their tracking link instead. */
export const PUSH_APPS = ['outlet', 'driver', 'admin'] as const;
export type PushApp = (typeof PUSH_APPS)[number];

/** A device's own id (random, kept in its IndexedDB), the same one its sync socket announces. */
export const DeviceIdSchema = z.string().regex(ID_PATTERN, 'must be 1–64 letters, digits, _ or -').brand<'DeviceId'>();
export type DeviceId = z.infer<typeof DeviceIdSchema>;

/** An FCM registration token: opaque, URL-safe in practice, a few hundred characters. */
export const pushTokenSchema = z
  .string()
  .min(16, 'pushToken is too short to be a push token')
  .max(4096, 'pushToken is too long')
  .regex(/^[A-Za-z0-9_:.-]+$/, 'pushToken has characters a push token never has');

/**
 * `POST /api/devices` (bearer) → 201 `{pushToken, app}`. Registering the same token again moves it to
 * the caller (a shared tablet signed in as someone else) and is still 201. `deviceId` lets the server
 * skip exactly the devices whose socket is live; without it, any live socket of the user on that app counts.
 */
export const registerDeviceSchema = z.object({
  pushToken: pushTokenSchema,
  app: z.enum(PUSH_APPS),
  deviceId: DeviceIdSchema.optional(),
});
export type RegisterDevice = z.infer<typeof registerDeviceSchema>;

/** `POST /api/track/<trackingToken>/push` (no sign-in: the tracking token is the credential) → 201. */
export const registerTrackPushSchema = z.object({ pushToken: pushTokenSchema });
export type RegisterTrackPush = z.infer<typeof registerTrackPushSchema>;
