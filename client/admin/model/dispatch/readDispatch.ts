import type * as Y from 'yjs';
import { dispatchEntrySchema, dispatchMap, type DispatchEntry } from '../../../../shared/adminDispatch';
import type { OrderId } from '../../../../shared/ids';

/** The dispatch mirror in `inbox:admin`, by order; entries of a shape this version does not know are left out. */
export function readDispatch(inbox: Y.Doc | undefined): ReadonlyMap<OrderId, DispatchEntry> {
  const entries = new Map<OrderId, DispatchEntry>();
  if (!inbox) return entries;
  for (const value of dispatchMap(inbox).values()) {
    const parsed = dispatchEntrySchema.safeParse(value);
    if (parsed.success) entries.set(parsed.data.orderId, parsed.data);
  }
  return entries;
}
