import type * as Y from 'yjs';
import { z } from 'zod';
import { UserIdSchema, type UserId } from '../../../../shared/ids';
import { inboxMap } from '../../../../shared/inbox';

const namedSchema = z.object({ driver: z.object({ id: UserIdSchema, firstName: z.string().min(1) }) });

/**
 * The drivers' first names the server wrote into the outlet's inbox with the orders they were given
 * (the tablet has no drivers list); entries without one, or that this app cannot read, are skipped.
 */
export function outletDriverNames(inbox: Y.Doc | undefined): ReadonlyMap<UserId, string> {
  const names = new Map<UserId, string>();
  if (!inbox) return names;
  for (const entry of inboxMap(inbox).values()) {
    const parsed = namedSchema.safeParse(entry);
    if (parsed.success) names.set(parsed.data.driver.id, parsed.data.driver.firstName);
  }
  return names;
}
