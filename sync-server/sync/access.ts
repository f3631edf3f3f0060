import { parseDocName, type DocRef } from '../../shared/docNames';
import { maySubscribe } from '../../shared/permissions';
import type { RejectCode } from '../../shared/protocol/rejectCodes';
import { fail, ok, type Result } from '../../shared/result';
import type { Actor } from '../../shared/roles';
import type { RateLimiter } from '../limits/rateLimit';
import { lookUpSecret } from '../limits/secretLookup';
import type { OrderIndex } from '../storage/orderIndex';

export type AccessRefusal = Extract<RejectCode, 'not_found' | 'forbidden' | 'rate_limited'>;
export type AccessDecision = Result<DocRef, AccessRefusal>;

/** Who is asking: the signed-in actor (null for a tracking page) and the address the socket came from. */
export interface Requester {
  readonly actor: Actor | null;
  readonly address: string;
}

/**
 * May the requester hold document `name`? Orders and tracking links must exist; the rest is the
 * permission table. A tracking token is a credential: an unknown one counts against the address's
 * budget of `trackLookups` (shared with GET /api/track, signed in or not), and once that is spent no
 * tracking link is looked up for the address until the window passes, so a miss tells nothing.
 */
export async function authorizeDoc(who: Requester, name: string, orders: OrderIndex, trackLookups: RateLimiter): Promise<AccessDecision> {
  const { actor } = who;
  const ref = parseDocName(name);
  if (!ref) return fail('not_found', `"${name.slice(0, 100)}" is not a Dabba document name.`);
  if (ref.kind === 'track') {
    const lookup = await lookUpSecret(trackLookups, who.address, () => orders.byTrackingToken(ref.token));
    if (lookup.kind === 'found') return ok(ref);
    if (lookup.kind === 'missing') return fail('not_found', 'No order has this tracking link.');
    return fail('rate_limited', 'Too many unknown tracking links from this address; try again in a minute.');
  }
  if (!actor) return fail('forbidden', 'Sign in to open this document.');
  if (ref.kind === 'order') {
    const order = await orders.get(ref.orderId);
    if (!order) return fail('not_found', 'There is no such order.');
    return maySubscribe(actor, ref, order) ? ok(ref) : fail('forbidden', 'This order is not yours to see.');
  }
  return maySubscribe(actor, ref) ? ok(ref) : fail('forbidden', 'You may not open this document.');
}

/**
 * Which subscriptions may be decided ahead of their turn. Not a tracking document (looking its token up
 * spends the address's budget) nor an anonymous socket's; nor a driver's order: the one access that an
 * assignment takes away, and the drop then reaches only current subscribers, so a verdict from before an
 * unassignment must not be answered after it.
 */
export function mayDecideAhead(actor: Actor | null, name: string): boolean {
  const kind = parseDocName(name)?.kind;
  return actor !== null && kind !== 'track' && !(actor.role === 'driver' && kind === 'order');
}
