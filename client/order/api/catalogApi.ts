import { z } from 'zod';
import { getJson, NETWORK_ERROR_CODE, readAnswer, type Answer, type ApiError } from '../../common/api/http';
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
/** What the list shows of each outlet's profile; absent for an outlet whose catalog the server could not read. */
const listedProfileSchema = outletProfileSchema.pick({
  address: true,
  lat: true,
  lng: true,
  timezone: true,
  hours: true,
  closures: true,
  orderTypes: true,
  defaultPrepMinutes: true,
});
const outletListSchema = z.array(
  z.object({
    id: z.string(),
    name: z.string(),
    ordering: orderingSchema.optional(),
    busyMinutes: z.number().default(0),
    outlet: listedProfileSchema.optional(),
  }),
);

export type OrderType = OutletProfile['orderTypes'][number];
export type ModifierOption = z.infer<typeof optionSchema>;
export type ModifierGroup = z.infer<typeof groupSchema>;
export type MenuItem = z.infer<typeof itemSchema>;
export type DeliveryZone = OutletProfile['zones'][number];
export type OutletProfile = z.infer<typeof outletProfileSchema>;
export type Ordering = z.infer<typeof orderingSchema>;
export type OutletMenu = z.infer<typeof menuResponseSchema>;
export type OutletSummary = z.infer<typeof outletListSchema>[number];

/** What a customer reads when `what` did not load: the page speaks for the server's terse answers. */
function failedMessage(error: ApiError, what: string): string {
  if (error.code === NETWORK_ERROR_CODE) return `Cannot reach Dabba to load ${what}. Check your connection and try again.`;
  if (error.details.status === 404) return `We can't find ${what}.`;
  return `Loading ${what} failed (${error.details.status}). Try again shortly.`;
}

async function load<T>(path: string, schema: z.ZodType<T>, what: string): Promise<Answer<T>> {
  const result = await getJson(path);
  if (!result.ok) return { ok: false, error: { ...result.error, message: failedMessage(result.error, what) } };
  return readAnswer(result, schema, `The server sent ${what} in a form this page does not understand.`);
}

export const fetchOutlets = (): Promise<Answer<OutletSummary[]>> => load('/api/outlets', outletListSchema, 'the list of restaurants');

export const fetchMenu = (outletId: string): Promise<Answer<OutletMenu>> =>
  load(`/api/outlets/${encodeURIComponent(outletId)}/menu`, menuResponseSchema, 'this restaurant');
