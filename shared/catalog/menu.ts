import { z } from 'zod';
import { menuPhotoUrlSchema } from '../api/menuPhotos';
import { ID_PATTERN } from '../ids';
import { taxRuleSchema } from './taxes';
import { isTimeZone } from './timeZone';

const id = z.string().regex(ID_PATTERN);
const minor = z.number().int().min(0).max(100_000_000);
/** "HH:MM" on a 24-hour clock, in the outlet's time zone. "24:00" closes at midnight. */
/** A table's name as printed on it ("T4", "Patio 2"); a dine-in order must name one of its outlet's. */
export const tableNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .regex(/^[\p{L}\p{N} _-]+$/u, 'use letters, digits, spaces, "-" or "_"');
export const MAX_TABLES = 300;
export const DEFAULT_TABLES: readonly string[] = Array.from({ length: 12 }, (_, i) => `T${i + 1}`);
/** 50,000.00 in the outlet's currency: far above a meal, well below what a cash order should risk. */
export const DEFAULT_MAX_ORDER_VALUE = 5_000_000;
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'use HH:MM');

export const modifierOptionSchema = z.object({ id, name: z.string().min(1), price: minor });

export const modifierGroupSchema = z.object({
  id,
  name: z.string().min(1),
  min: z.number().int().min(0),
  max: z.number().int().min(1),
  options: z.array(modifierOptionSchema).min(1),
});

export const menuItemSchema = z.object({
  id,
  categoryId: id,
  name: z.string().min(1),
  description: z.string().default(''),
  price: minor,
  /**
   * A photo uploaded to `POST /api/admin/menu-photos`: its `/media/menu/<sha256>.<ext>` URL. The apps'
   * CSP lets images come from this origin (and the map tile host) only, so no other URL could be shown.
   */
  photo: menuPhotoUrlSchema.optional(),
  modifierGroups: z.array(modifierGroupSchema).default([]),
});

export const menuSchema = z.object({
  categories: z.array(z.object({ id, name: z.string().min(1) })),
  items: z.array(menuItemSchema),
});

/**
 * A menu as an outlet document may already hold it: `photo` was any string before it was checked. Reading
 * drops a photo no app could show rather than lose the whole menu, and the outlet's orders, over it;
 * what a device writes is still checked against menuSchema.
 */
export const storedMenuSchema = menuSchema.extend({
  items: z.array(menuItemSchema.extend({ photo: menuItemSchema.shape.photo.catch(undefined) })),
});

/** One opening interval on a weekday; `close` may pass midnight ("18:00"–"02:00"); "24:00" only closes. */
export const openingIntervalSchema = z.object({
  open: clock.refine((t) => t !== '24:00', 'open at "00:00" of the next day instead'),
  close: clock,
});

/** Opening hours per weekday, index 0 = Sunday … 6 = Saturday; an empty list is closed all day. */
export const weeklyHoursSchema = z.array(z.array(openingIntervalSchema)).length(7);

/** A one-off closure (holiday, renovation): closed from `from` until `until` (epoch ms). */
export const closureSchema = z.object({ from: z.number().int(), until: z.number().int(), reason: z.string().max(200) });

/** A delivery zone: a polygon of [lat, lng] points, with its own fee and minimum order. */
export const deliveryZoneSchema = z.object({
  id,
  name: z.string().min(1),
  polygon: z.array(z.tuple([z.number().min(-90).max(90), z.number().min(-180).max(180)])).min(3),
  fee: minor,
  minimumOrder: minor,
});

export const outletProfileSchema = z.object({
  id,
  name: z.string().min(1),
  phone: z.string(),
  address: z.string(),
  lat: z.number(),
  lng: z.number(),
  /** ISO 4217; pricing formats money with it, so an unknown shape must not get in. */
  currency: z.string().regex(/^[A-Z]{3}$/, 'use an ISO 4217 code such as "INR"'),
  /** IANA time zone the opening hours are written in. */
  timezone: z.string().min(1).refine(isTimeZone, 'use an IANA time zone such as "Asia/Kolkata"'),
  hours: weeklyHoursSchema,
  closures: z.array(closureSchema).default([]),
  /** Zones are tried in order; the first that contains the address prices the delivery. */
  zones: z.array(deliveryZoneSchema).default([]),
  orderTypes: z.array(z.enum(['delivery', 'pickup', 'dine-in'])).min(1),
  /** Prep time staff start from when accepting (minutes). */
  defaultPrepMinutes: z.number().int().min(1).max(240),
  /** Taxes charged on every order, in this order on the receipt; none: prices carry no separate tax. */
  taxes: z.array(taxRuleSchema).max(5).default([]),
  /**
   * ISO 3166-1 alpha-2 country customers' phone numbers are read in when they type them without "+";
   * absent: the country of the currency (outletCountry), else only international numbers are taken.
   */
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'use an ISO 3166 country code such as "IN"')
    .optional(),
  /**
   * The tables a dine-in order may name (and the table links print a QR code for). The default is the
   * list the table-links page printed before outlets had their own, so links already on tables still work.
   */
  tables: z
    .array(tableNameSchema)
    .max(MAX_TABLES)
    .refine((ts) => new Set(ts.map((t) => t.toLowerCase())).size === ts.length, 'each table once')
    .default(() => [...DEFAULT_TABLES]),
  /** The largest order total (minor units) taken; above it the customer is asked to call the outlet. */
  maxOrderValue: minor.refine((v) => v > 0, 'must be more than 0').default(DEFAULT_MAX_ORDER_VALUE),
});

export type ModifierOption = z.infer<typeof modifierOptionSchema>;
export type ModifierGroup = z.infer<typeof modifierGroupSchema>;
export type MenuItem = z.infer<typeof menuItemSchema>;
export type Menu = z.infer<typeof menuSchema>;
export type OpeningInterval = z.infer<typeof openingIntervalSchema>;
export type Closure = z.infer<typeof closureSchema>;
export type DeliveryZone = z.infer<typeof deliveryZoneSchema>;
export type OutletProfile = z.infer<typeof outletProfileSchema>;
