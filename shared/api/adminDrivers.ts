import { z } from 'zod';
import { OrderIdSchema, UserIdSchema } from '../ids';

/** A position a driver's phone measured (device time), or one set by hand (seed, delivery API). */
export const driverPositionSchema = z.object({
  lat: z.number(),
  lng: z.number(),
  /** Epoch ms on the device that measured it (the server's, when set by hand). */
  at: z.number(),
  accuracy: z.number().nullable(),
});

/** One driver as admins see them: shift, load, where they are, whether their app is connected. */
export const adminDriverSchema = z.object({
  id: UserIdSchema,
  name: z.string(),
  phone: z.string(),
  onShift: z.boolean(),
  capacity: z.number().int(),
  /** Assigned and not finished, the one they carry first. */
  activeOrders: z.array(OrderIdSchema),
  /** The newest position known, live from presence or else stored; null when none ever was. */
  position: driverPositionSchema.nullable(),
  /** Whether a signed-in socket of theirs is live now (on any node presence can see), as dispatch counts it. */
  connected: z.boolean(),
});

/** `GET /api/admin/drivers` (admin) → every driver, by name. */
export const adminDriverListSchema = z.object({ drivers: z.array(adminDriverSchema) });

export type AdminDriver = z.infer<typeof adminDriverSchema>;
export type DriverPosition = z.infer<typeof driverPositionSchema>;
export type AdminDriverList = z.infer<typeof adminDriverListSchema>;
