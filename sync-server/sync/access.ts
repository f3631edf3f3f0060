import { parseDocName, type DocRef } from '../../shared/docNames';
import { maySubscribe } from '../../shared/permissions';
import type { RejectCode } from '../../shared/protocol/rejectCodes';
import type { Actor } from '../../shared/roles';
import type { OrderIndex } from '../storage/orderIndex';

export type AccessDecision =
  | { readonly ok: true; readonly ref: DocRef }
  | { readonly ok: false; readonly code: Extract<RejectCode, 'not_found' | 'forbidden'>; readonly message: string };

/** May `actor` hold document `name`? Orders and tracking links must exist; the rest is the permission table. */
export function authorizeDoc(actor: Actor | null, name: string, orders: OrderIndex): AccessDecision {
  const ref = parseDocName(name);
  if (!ref) return { ok: false, code: 'not_found', message: `"${name.slice(0, 100)}" is not a Dabba document name.` };
  if (ref.kind === 'track') {
    return orders.byTrackingToken(ref.token)
      ? { ok: true, ref }
      : { ok: false, code: 'not_found', message: 'No order has this tracking link.' };
  }
  if (!actor) return { ok: false, code: 'forbidden', message: 'Sign in to open this document.' };
  if (ref.kind === 'order') {
    const order = orders.get(ref.orderId);
    if (!order) return { ok: false, code: 'not_found', message: 'There is no such order.' };
    return maySubscribe(actor, ref, order)
      ? { ok: true, ref }
      : { ok: false, code: 'forbidden', message: 'This order is not yours to see.' };
  }
  return maySubscribe(actor, ref)
    ? { ok: true, ref }
    : { ok: false, code: 'forbidden', message: 'You may not open this document.' };
}
