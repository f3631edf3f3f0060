import { ADMIN_INBOX, driverInboxName, outletInboxName, parseDocName } from '../../shared/docNames';
import type { OrderId } from '../../shared/ids';
import { inboxMap } from '../../shared/inbox';
import type { OrderIndexRow } from '../storage/orderIndex';
import type { DocRegistry } from '../sync/docRegistry';

/**
 * Takes orders out of every inbox that may list them (their outlet's, the admins', their driver's),
 * one change per inbox. Stops between inboxes once `stopped` says so.
 */
export async function takeOutOfInboxes(
  registry: DocRegistry,
  rows: Iterable<Pick<OrderIndexRow, 'id' | 'outletId' | 'driverId'>>,
  stopped: () => boolean = () => false,
): Promise<void> {
  const byInbox = new Map<string, OrderId[]>();
  const add = (inbox: string, id: OrderId): void => {
    byInbox.set(inbox, [...(byInbox.get(inbox) ?? []), id]);
  };
  for (const row of rows) {
    add(outletInboxName(row.outletId), row.id);
    add(ADMIN_INBOX, row.id);
    if (row.driverId) add(driverInboxName(row.driverId), row.id);
  }
  for (const [name, ids] of byInbox) {
    const ref = parseDocName(name);
    if (!ref || stopped()) continue;
    await registry.withDoc(ref, (doc) =>
      doc.change((y) => {
        for (const id of ids) if (inboxMap(y).has(id)) inboxMap(y).delete(id);
      }),
    );
  }
}
