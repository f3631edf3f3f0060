import type * as Y from 'yjs';
import { z } from 'zod';
import { adminAlertsMap, type AdminAlert } from '../../../../shared/adminAlerts';
import { OrderIdSchema, OutletIdSchema, UserIdSchema } from '../../../../shared/ids';

const adminAlertSchema = z.object({
  kind: z.enum(['outlet_offline', 'order_unanswered', 'cash_mismatch']),
  outletId: OutletIdSchema.nullable(),
  orderId: OrderIdSchema.nullable(),
  driverId: UserIdSchema.optional(),
  message: z.string(),
  since: z.number(),
  raisedAt: z.number(),
  resolvedAt: z.number().nullable(),
}) satisfies z.ZodType<AdminAlert>;

/** A server alert and its key in `inbox:admin` (one key per problem: `outlet_offline:<outletId>`). */
export interface KeyedAlert {
  readonly key: string;
  readonly alert: AdminAlert;
}

/** The server's alerts still open (not resolved), read through their schema; entries this app cannot read are skipped. */
export function openServerAlerts(inbox: Y.Doc | undefined): KeyedAlert[] {
  if (!inbox) return [];
  return [...adminAlertsMap(inbox).entries()].flatMap(([key, value]) => {
    const parsed = adminAlertSchema.safeParse(value);
    return parsed.success && parsed.data.resolvedAt === null ? [{ key, alert: parsed.data }] : [];
  });
}
