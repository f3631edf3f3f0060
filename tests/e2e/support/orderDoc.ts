import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { orderDocName } from '../../../shared/docNames';
import type { OrderId } from '../../../shared/ids';
import type { OrderEvent } from '../../../shared/order/events';
import { readEvents } from '../../../shared/order/orderDoc';
import { stockProvider, whenSynced } from '../../integration/support/stockClient';

/** The order's events as the server stores them, read with the stock y-websocket client as `token`'s user. */
export async function serverOrderEvents(baseUrl: string, orderId: string, token: string): Promise<readonly OrderEvent[]> {
  const doc = new Y.Doc();
  const provider = stockProvider(baseUrl, orderDocName(orderId as OrderId), token, doc);
  try {
    await whenSynced(provider);
    return readEvents(doc).events;
  } finally {
    provider.destroy();
    doc.destroy();
  }
}

/** A proof photo as the server serves it to `token`'s user, with the SHA-256 of what came back. */
export async function fetchProof(
  baseUrl: string,
  orderId: string,
  proofId: string,
  token: string,
): Promise<{ status: number; type: string | null; sha256: string }> {
  const response = await fetch(`${baseUrl}/api/orders/${orderId}/proofs/${proofId}`, { headers: { authorization: `Bearer ${token}` } });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, type: response.headers.get('content-type'), sha256: createHash('sha256').update(bytes).digest('hex') };
}
