import { z } from 'zod';

/**
 * What a wake-up is about. Devices: a new order for an outlet, an offer / assignment / cancellation
 * for a driver, an unanswered order escalated to an outlet's other devices, an alert for admins.
 * Customers: their order's status changed.
 */
export const WAKE_KINDS = ['new_order', 'offer', 'assigned', 'cancelled', 'unanswered', 'admin_alert', 'track_status'] as const;
export type WakeKind = (typeof WAKE_KINDS)[number];

/**
 * The `data` of every FCM message Dabba sends (FCM data values are strings). The service worker pulls
 * `docs` (document names) into IndexedDB, then shows `title`/`body`; a tap opens `open` (a same-origin
 * path such as `/outlet/#/orders/<id>`). `tag` collapses notifications about the same thing.
 * `expiresAt` (epoch ms as a string) marks a wake-up that means nothing after it (an offer).
 */
export const wakeDataSchema = z.object({
  dabba: z.literal('1'),
  kind: z.enum(WAKE_KINDS),
  docs: z
    .string()
    .max(4000)
    .transform((raw, ctx) => {
      try {
        const parsed = z.array(z.string().min(1).max(200)).max(20).safeParse(JSON.parse(raw));
        if (parsed.success) return parsed.data;
      } catch {
        // reported below
      }
      ctx.addIssue({ code: 'custom', message: 'docs must be a JSON array of document names' });
      return z.NEVER;
    }),
  title: z.string().max(200),
  body: z.string().max(500),
  open: z.string().startsWith('/').max(500),
  tag: z.string().max(200),
  expiresAt: z.string().regex(/^\d+$/).optional(),
});
export type WakeData = z.infer<typeof wakeDataSchema>;

/** The wire form (every value a string), as the server hands it to FCM. */
export function encodeWakeData(data: WakeData): Record<string, string> {
  const out: Record<string, string> = {
    dabba: '1',
    kind: data.kind,
    docs: JSON.stringify(data.docs),
    title: data.title,
    body: data.body,
    open: data.open,
    tag: data.tag,
  };
  if (data.expiresAt !== undefined) out.expiresAt = data.expiresAt;
  return out;
}

/**
 * A push as the browser receives it from FCM: `{data:{...}, from, fcmMessageId, ...}`. Anything else
 * (another sender's push, a malformed one) is null, and the worker shows nothing it cannot vouch for.
 */
export function parsePushPayload(payload: unknown): WakeData | null {
  const outer = z.object({ data: z.unknown() }).safeParse(payload);
  const parsed = wakeDataSchema.safeParse(outer.success ? outer.data.data : payload);
  return parsed.success ? parsed.data : null;
}
