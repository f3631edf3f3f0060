import { z } from 'zod';

/**
 * Y.Map('status') of an outlet document, written by the outlet's staff (and admins):
 *  - 'paused': no new orders until `until` (null = until someone resumes), with a reason; the server
 *    pauses an outlet itself (`auto`) when its tablets are all offline while orders wait;
 *  - 'busy': `extraMinutes` added to every prep time until `until`.
 * An entry whose `until` has passed has no effect; nothing needs to clear it.
 */
export const pausedSchema = z
  .object({
    until: z.number().int().nullable(),
    reason: z.string().max(200),
    at: z.number().int(),
    /** Set only by the server: paused because no device of the outlet was online while orders waited; lifted when one is back. */
    auto: z.literal('tablet_offline').optional(),
  })
  .strict();
export const busySchema = z
  .object({ extraMinutes: z.number().int().min(5).max(120), until: z.number().int(), at: z.number().int() })
  .strict();

/**
 * Y.Map('availability'): itemId or modifier optionId → an item marked unavailable ("86"),
 * optionally until a time; the key is deleted (or `available: true`) when it is back.
 */
export const availabilitySchema = z
  .object({ available: z.boolean(), until: z.number().int().optional(), at: z.number().int().optional() })
  .strict();

export type Paused = z.infer<typeof pausedSchema>;
export type Busy = z.infer<typeof busySchema>;
export type AvailabilityEntry = z.infer<typeof availabilitySchema>;

export const STATUS_KEYS = { paused: 'paused', busy: 'busy' } as const;
