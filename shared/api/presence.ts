import { z } from 'zod';
import { OutletIdSchema, UserIdSchema } from '../ids';
import { DeviceIdSchema } from './devices';

/** Which app a live socket belongs to; `unknown` for clients that do not say (the stock y-websocket client). */
export const PRESENCE_APPS = ['outlet', 'driver', 'admin', 'unknown'] as const;
export type PresenceApp = (typeof PRESENCE_APPS)[number];

/** One signed-in socket, as every node sees it. Times are server epoch ms. */
export const liveDeviceSchema = z.object({
  userId: UserIdSchema,
  role: z.enum(['admin', 'outlet', 'driver']),
  outletId: OutletIdSchema.nullable(),
  app: z.enum(PRESENCE_APPS),
  deviceId: DeviceIdSchema.nullable(),
  /** The node (process) holding the socket. */
  node: z.string(),
  connectedAt: z.number(),
  lastSeenAt: z.number(),
});
export type LiveDevice = z.infer<typeof liveDeviceSchema>;

/** `GET /api/presence` (admin): `degraded` means Redis is unreachable and only this node's sockets are listed. */
export const presenceListSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  devices: z.array(liveDeviceSchema),
});
export type PresenceList = z.infer<typeof presenceListSchema>;
