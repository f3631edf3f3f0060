import type * as Y from 'yjs';
import { z } from 'zod';
import { UserIdSchema, type UserId } from '../../../../shared/ids';
import { inboxMap } from '../../../../shared/inbox';

const namedSchema = z.object({
  driver: z.object({
    id: UserIdSchema,
    firstName: z.string().min(1),
    expectedAt: z.number().int().optional(),
    arrivedAt: z.number().int().optional(),
  }),
});

export interface OrderDriver {
  readonly id: UserId;
  readonly firstName: string;
  /** When they should reach the counter (server clock), estimated when they were given the order. */
  readonly expectedAt?: number | undefined;
  /** When their phone was first seen at the outlet for this order (their device's clock). */
  readonly arrivedAt?: number | undefined;
}

/**
 * The driver dispatch gave each of the outlet's orders, by first name, as the server wrote it into
 * the outlet's inbox (the tablet has no drivers list); it is taken away when the driver is taken
 * off. Entries without one, or that this app cannot read, are skipped.
 */
export function orderDrivers(inbox: Y.Doc | undefined): ReadonlyMap<string, OrderDriver> {
  const drivers = new Map<string, OrderDriver>();
  if (!inbox) return drivers;
  for (const [orderId, entry] of inboxMap(inbox).entries()) {
    const parsed = namedSchema.safeParse(entry);
    if (parsed.success) drivers.set(orderId, parsed.data.driver);
  }
  return drivers;
}
