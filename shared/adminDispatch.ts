import type * as Y from 'yjs';
import { z } from 'zod';
import { OrderIdSchema, UserIdSchema } from './ids';

/**
 * `inbox:admin` also holds Y.Map('dispatch'): orderId → DispatchEntry, what dispatch is doing about
 * each delivery that waits for a driver, written only by the server. A driver's own offers are in their
 * inbox; this mirror lets admins see every offer in flight, its countdown and who passed. An entry is
 * removed when the order no longer needs a driver (assigned, by accept or by hand; picked up; finished).
 */
export const DISPATCH_MAP = 'dispatch';

/** Why a driver is no longer asked: they declined, let the offer lapse, or were taken off the order. */
export const PASS_REASONS = ['declined', 'timeout', 'unassigned'] as const;

const dispatchOfferSchema = z.object({
  driverId: UserIdSchema,
  driverName: z.string(),
  /** Server clock, epoch ms. */
  offeredAt: z.number(),
  /** Server clock: after this the offer moves on to the next driver. */
  expiresAt: z.number(),
});

const dispatchPassSchema = z.object({
  driverId: UserIdSchema,
  driverName: z.string(),
  reason: z.enum(PASS_REASONS),
  /** What the driver or admin said, when they said anything. */
  said: z.string().nullable(),
  /** Server clock (for `unassigned`, the event's time). */
  at: z.number(),
});

export const dispatchEntrySchema = z.object({
  orderId: OrderIdSchema,
  /** The offer out now; null while dispatch waits for a driver it can offer the order to. */
  offer: dispatchOfferSchema.nullable(),
  /** Drivers who passed on it, oldest first. */
  passes: z.array(dispatchPassSchema),
  /** Server clock: since when no driver could be offered it; null while an offer is out. */
  waitingSince: z.number().nullable(),
});

export type DispatchOffer = z.infer<typeof dispatchOfferSchema>;
export type DispatchPass = z.infer<typeof dispatchPassSchema>;
export type DispatchEntry = z.infer<typeof dispatchEntrySchema>;

export const dispatchMap = (doc: Y.Doc): Y.Map<DispatchEntry> => doc.getMap<DispatchEntry>(DISPATCH_MAP);
