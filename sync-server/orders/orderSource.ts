import type { OrderSource } from '../../shared/order/header';
import type { Actor } from '../../shared/roles';
import { forbidden, unauthorized } from '../errors';

/**
 * Who may say an order came in by phone: outlet staff for their own outlet, and admins for any.
 * Such an order is taken even while the outlet is closed or paused (staff chose to take it), so a
 * customer must never be able to claim it. Returns whether opening hours and a pause are waived.
 */
export function authorizeSource(actor: Actor | null, req: { readonly source?: OrderSource | undefined; readonly outletId: string }): { readonly source: OrderSource; readonly staff: boolean } {
  if (req.source !== 'phone') return { source: 'online', staff: false };
  if (!actor) throw unauthorized('Sign in as outlet staff to enter phone orders.');
  if (actor.role === 'admin') return { source: 'phone', staff: true };
  if (actor.role === 'outlet' && actor.outletId === req.outletId) return { source: 'phone', staff: true };
  throw forbidden(actor.role === 'outlet' ? 'Phone orders can be entered for your own outlet only.' : 'Only outlet staff and admins enter phone orders.');
}
