import { z } from 'zod';
import { OutletIdSchema, UserIdSchema } from '../../../shared/ids';
import type { Actor } from '../../../shared/roles';

export const sessionUserSchema = z.object({
  id: UserIdSchema,
  role: z.enum(['admin', 'outlet', 'driver']),
  outletId: OutletIdSchema.optional(),
});

export const sessionSchema = z.object({ token: z.string().min(1), user: sessionUserSchema });

export type SessionUser = z.infer<typeof sessionUserSchema>;
/** The signed-in user and the bearer token the server gave them. */
export type Session = z.infer<typeof sessionSchema>;

/** The actor commands act as; null when the user record cannot act (an outlet account without an outlet). */
export function sessionActor(user: SessionUser): Actor | null {
  switch (user.role) {
    case 'admin':
      return { id: user.id, role: 'admin' };
    case 'driver':
      return { id: user.id, role: 'driver' };
    case 'outlet':
      return user.outletId ? { id: user.id, role: 'outlet', outletId: user.outletId } : null;
  }
}
