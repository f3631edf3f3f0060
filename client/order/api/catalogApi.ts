import { z } from 'zod';
import { menuItemSchema, modifierGroupSchema, modifierOptionSchema, outletProfileSchema } from '../../../shared/catalog/menu';

/**
 * The catalog as the public API serves it: shared/'s catalog shapes plus what is true right now
 * (availability, whether orders are taken). Parsed rather than cast, so a response of a shape
 * this page does not know fails here, with a message, instead of somewhere in a component.
 */
const optionSchema = modifierOptionSchema.extend({ available: z.boolean().default(true) });
const groupSchema = modifierGroupSchema.extend({ options: z.array(optionSchema) });
const itemSchema = menuItemSchema.extend({ available: z.boolean().default(true), modifierGroups: z.array(groupSchema).default([]) });
/** Whether the outlet takes orders now; a server without this field is taken to be open. */
const orderingSchema = z.union([
  z.object({ open: z.literal(true) }),
  z.object({ open: z.literal(false), code: z.string(), message: z.string() }),
]);
const menuResponseSchema = z.object({
  outlet: outletProfileSchema,
  categories: z.array(z.object({ id: z.string(), name: z.string() })),
  items: z.array(itemSchema),
  ordering: orderingSchema.default({ open: true }),
  busyMinutes: z.number().default(0),
});
const outletListSchema = z.array(z.object({ id: z.string(), name: z.string(), ordering: orderingSchema.optional() }));

export type OrderType = OutletProfile['orderTypes'][number];
export type ModifierOption = z.infer<typeof optionSchema>;
export type ModifierGroup = z.infer<typeof groupSchema>;
export type MenuItem = z.infer<typeof itemSchema>;
export type DeliveryZone = OutletProfile['zones'][number];
export type OutletProfile = z.infer<typeof outletProfileSchema>;
export type Ordering = z.infer<typeof orderingSchema>;
export type OutletMenu = z.infer<typeof menuResponseSchema>;
export type OutletSummary = z.infer<typeof outletListSchema>[number];

export type Loaded<T> = { readonly kind: 'ok'; readonly value: T } | { readonly kind: 'failed'; readonly message: string; readonly notFound: boolean };

async function getJson<T>(path: string, schema: z.ZodType<T>, what: string): Promise<Loaded<T>> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { accept: 'application/json' } });
  } catch {
    return { kind: 'failed', message: `Cannot reach Dabba to load ${what}. Check your connection and try again.`, notFound: false };
  }
  if (response.status === 404) return { kind: 'failed', message: `We can't find ${what}.`, notFound: true };
  if (!response.ok) return { kind: 'failed', message: `Loading ${what} failed (${response.status}). Try again shortly.`, notFound: false };
  const parsed = schema.safeParse(await response.json().catch(() => null));
  return parsed.success ? { kind: 'ok', value: parsed.data } : { kind: 'failed', message: `The server sent ${what} in a form this page does not understand.`, notFound: false };
}

export const fetchOutlets = (): Promise<Loaded<OutletSummary[]>> => getJson('/api/outlets', outletListSchema, 'the list of restaurants');

export const fetchMenu = (outletId: string): Promise<Loaded<OutletMenu>> =>
  getJson(`/api/outlets/${encodeURIComponent(outletId)}/menu`, menuResponseSchema, 'this restaurant');
