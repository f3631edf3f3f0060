import type * as Y from 'yjs';
import type { OrderId } from './ids';

/**
 * An inbox document (`inbox:outlet:<id>`, `inbox:driver:<id>`, `inbox:admin`) is written only by the
 * server: Y.Map('orders') of orderId → entry. A device holds every order its inboxes list.
 */
export const INBOX_MAP = 'orders';

export interface InboxEntry {
  readonly placedAt: number;
}

export const inboxMap = (doc: Y.Doc): Y.Map<InboxEntry> => doc.getMap<InboxEntry>(INBOX_MAP);

export function inboxOrderIds(doc: Y.Doc): OrderId[] {
  return [...inboxMap(doc).keys()] as OrderId[];
}
