import type * as Y from 'yjs';
import type { UserId } from '../../../../shared/ids';
import { orderDrivers } from '../orders/orderDrivers';

/** The drivers' first names the server wrote into the outlet's inbox with the orders they were given. */
export function outletDriverNames(inbox: Y.Doc | undefined): ReadonlyMap<UserId, string> {
  return new Map([...orderDrivers(inbox).values()].map((d) => [d.id, d.firstName]));
}
