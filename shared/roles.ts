import { UserIdSchema, type OutletId, type UserId } from './ids';

export const ROLES = ['admin', 'outlet', 'driver'] as const;
export type Role = (typeof ROLES)[number];

/** Who is acting: a signed-in user, or the server itself (pricing, dispatch, projections). */
export type Actor =
  | { readonly id: UserId; readonly role: 'admin' }
  | { readonly id: UserId; readonly role: 'outlet'; readonly outletId: OutletId }
  | { readonly id: UserId; readonly role: 'driver' };

export type EventAuthorRole = Role | 'system' | 'customer';
export const SYSTEM_ID: UserId = UserIdSchema.parse('system');
