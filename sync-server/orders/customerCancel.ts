import { createHash } from 'node:crypto';
import { EventIdSchema, type EventId, type OrderId } from '../../shared/ids';
import { customerCancelReason, customerCancelRefusal, type CustomerCancelRefusal } from '../../shared/order/customerCancel';
import type { OrderView } from '../../shared/order/orderDoc';
import { fail, ok, type Failure, type Result } from '../../shared/result';
import { SYSTEM_ID } from '../../shared/roles';
import type { DocRegistry } from '../sync/docRegistry';
import { appendServerEvents, readOrderView } from './orderDocs';

/** The one customer cancel an order can have: the same id on every node and retry, so a second tap is a no-op. */
export function customerCancelId(orderId: OrderId): EventId {
  return EventIdSchema.parse(`customer-cancel-${createHash('sha256').update(orderId).digest('base64url').slice(0, 40)}`);
}

const factsRefusal = (view: OrderView): Failure<CustomerCancelRefusal> | null =>
  customerCancelRefusal({ status: view.state.status, paymentMethod: view.header.payment.method });

const cancelledHere = (view: OrderView, id: EventId): boolean => view.state.applied.some((e) => e.id === id);

/**
 * Cancels an order for the customer holding its tracking link, while the rule allows it (a cash order the
 * kitchen has not accepted): the server appends `cancelled` as `system`, the reason saying the customer
 * asked, decided on the order as it is when the write's turn comes. Asking again after it succeeded
 * answers the same, so a retried request after a lost answer is safe.
 */
export async function cancelForCustomer(
  registry: DocRegistry,
  orderId: OrderId,
  now: number,
  reason?: string,
): Promise<Result<OrderView, CustomerCancelRefusal | 'not_found'>> {
  const id = customerCancelId(orderId);
  const decided: { refusal: Failure<CustomerCancelRefusal> | null } = { refusal: null };
  const changed = await appendServerEvents(registry, orderId, now, (view) => {
    decided.refusal = null;
    if (cancelledHere(view, id)) return null;
    decided.refusal = factsRefusal(view);
    return decided.refusal
      ? null
      : [{ id, type: 'cancelled', by: { id: SYSTEM_ID, role: 'system' }, reason: customerCancelReason(reason) }];
  });
  if (changed) return ok(changed.after);
  const view = await readOrderView(registry, orderId);
  if (!view) return fail('not_found', 'This tracking link was not found.');
  if (cancelledHere(view, id)) return ok(view);
  const refused = decided.refusal ?? factsRefusal(view);
  // The rule allowed it yet the fold would not take it: the order moved on while this was written.
  return refused ? fail(refused.code, refused.message) : fail('order_accepted', 'This order can no longer be cancelled here.');
}
