import { z } from 'zod';
import { OutletIdSchema, UserIdSchema } from '../ids';
import { ROLES } from '../roles';
import { agentPhoneSchema } from './phone';
import { instantSchema } from './instant';

/** The password rule everywhere an account gets one (sign-up by an admin, `POST /delivery`). */
export const passwordSchema = z.string().min(8, 'must be at least 8 characters').max(200);
/** Emails are unique whatever their case; stored trimmed and lower-cased. */
export const emailSchema = z.string().trim().toLowerCase().email().max(200);
export const userNameSchema = z.string().trim().min(1).max(100);

/** An amount of one currency, integer minor units. */
export const amountSchema = z.object({ currency: z.string().length(3), amount: z.number().int() });
export type Amount = z.infer<typeof amountSchema>;

/**
 * `GET /api/admin/users` (admin): `role` and `outletId` narrow the list; `since` (epoch ms or ISO 8601,
 * default: the start of the server's current day) is where a driver's "today" begins. The admin app
 * passes the start of its own local day.
 */
export const usersQuerySchema = z.object({
  role: z.enum(ROLES).optional(),
  outletId: OutletIdSchema.optional(),
  since: instantSchema.optional(),
});
export type UsersQuery = z.infer<typeof usersQuerySchema>;

/** What a driver is doing, from the driver record and the order index. */
export const driverFactsSchema = z.object({
  phone: z.string(),
  capacity: z.number().int(),
  onShift: z.boolean(),
  /** Server epoch ms of the last shift change. */
  shiftChangedAt: z.number(),
  /** Orders assigned to them and not finished. */
  activeOrders: z.number().int(),
  /** Deliveries they completed since `since`. */
  deliveriesToday: z.number().int(),
  /**
   * Cash collected at the door on the deliveries they completed since `since`, per currency. Dabba
   * records no cash hand-in, so this is what they hold if they settle once a day.
   */
  cashCollectedToday: z.array(amountSchema),
  /** Last position; `declared` when set by hand (not measured by the phone). */
  position: z.object({ lat: z.number(), lng: z.number(), at: z.number(), declared: z.boolean() }).nullable(),
});
export type DriverFacts = z.infer<typeof driverFactsSchema>;

/** One account as admins see it. */
export const adminUserSchema = z.object({
  id: UserIdSchema,
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  /** Outlet staff: their outlet; null for admins and drivers. */
  outletId: OutletIdSchema.nullable(),
  disabled: z.boolean(),
  /** Server epoch ms. */
  createdAt: z.number(),
  /** Signed-in sockets open now (from presence). */
  liveDevices: z.number().int(),
  /** Drivers only; null for the other roles. */
  driver: driverFactsSchema.nullable(),
});
export type AdminUser = z.infer<typeof adminUserSchema>;

/** `GET /api/admin/users` → 200: by role (admins, outlet staff, drivers), then name. */
export const usersListSchema = z.object({ since: z.number(), users: z.array(adminUserSchema) });
export type UsersList = z.infer<typeof usersListSchema>;

const common = { email: emailSchema, name: userNameSchema, password: passwordSchema };

/**
 * `POST /api/admin/users` (admin) → 201 `{user}`. Outlet staff belong to an existing outlet; a driver
 * also gets their driver record (off shift, no position until the phone sends one).
 * 409 `email_taken`, 422 `unknown_outlet`.
 */
export const newUserSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('admin'), ...common }).strict(),
  z.object({ role: z.literal('outlet'), ...common, outletId: OutletIdSchema }).strict(),
  z
    .object({ role: z.literal('driver'), ...common, phone: agentPhoneSchema, capacity: z.number().int().min(1).max(10).optional() })
    .strict(),
]);
export type NewUser = z.infer<typeof newUserSchema>;

/**
 * `PATCH /api/admin/users/<id>` (admin) → 200 `{user}`; 404 for an unknown id. Every field is optional,
 * at least one is given.
 * - `disabled: true` signs them out everywhere at once (tokens refused, live sockets closed);
 *   409 `cannot_disable_self`, 409 `last_admin` (the last enabled admin).
 * - `password` resets it and signs them out everywhere.
 * - `outletId` (outlet staff only, else 422 `not_outlet_staff`; 422 `unknown_outlet`) moves them to
 *   another outlet and signs them out: their sign-in names the outlet it was for.
 * - `signOut: true` signs them out everywhere without changing anything else.
 */
export const userPatchSchema = z
  .object({
    disabled: z.boolean().optional(),
    name: userNameSchema.optional(),
    password: passwordSchema.optional(),
    outletId: OutletIdSchema.optional(),
    signOut: z.literal(true).optional(),
  })
  .strict()
  .refine((p) => Object.values(p).some((v) => v !== undefined), { message: 'change at least one field' });
export type UserPatch = z.infer<typeof userPatchSchema>;

/** `POST` and `PATCH` answer with the account as it is now. */
export const userResponseSchema = z.object({ user: adminUserSchema });
export type UserResponse = z.infer<typeof userResponseSchema>;

/** Error codes these routes answer with, beside `invalid_body`, `invalid_query`, `unauthorized`, `forbidden` and `not_found`. */
export const ADMIN_USER_ERRORS = ['email_taken', 'unknown_outlet', 'not_outlet_staff', 'cannot_disable_self', 'last_admin'] as const;
export type AdminUserError = (typeof ADMIN_USER_ERRORS)[number];
