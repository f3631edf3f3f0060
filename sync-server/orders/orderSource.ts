import type { OrderSource } from '../../shared/order/header';
import { fail, ok, type Result } from '../../shared/result';
import type { Actor } from '../../shared/roles';

/** Phone orders need a signed-in caller (`unauthorized`) who is staff of that outlet or an admin (`forbidden`). */
export type SourceRefusal = 'unauthorized' | 'forbidden';

export interface AuthorizedSource {
  readonly source: OrderSource;
  readonly staff: boolean;
  /** Phone orders: who took the call, and so accepts the order as it is placed. */
  readonly takenBy: Actor | null;
}

/**
 * Who may say an order came in by phone: outlet staff for their own outlet, and admins for any.
 * Such an order is taken even while the outlet is closed or paused (staff chose to take it), so a
 * customer must never be able to claim it. `staff`: whether opening hours and a pause are waived.
 */
export function authorizeSource(
  actor: Actor | null,
  req: { readonly source?: OrderSource | undefined; readonly outletId: string },
): Result<AuthorizedSource, SourceRefusal> {
  if (req.source !== 'phone') return ok({ source: 'online', staff: false, takenBy: null });
  if (!actor) return fail('unauthorized', 'Sign in as outlet staff to enter phone orders.');
  if (actor.role === 'admin' || (actor.role === 'outlet' && actor.outletId === req.outletId))
    return ok({ source: 'phone', staff: true, takenBy: actor });
  return fail(
    'forbidden',
    actor.role === 'outlet' ? 'Phone orders can be entered for your own outlet only.' : 'Only outlet staff and admins enter phone orders.',
  );
}
