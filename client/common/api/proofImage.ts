import type { OrderId } from '../../../shared/ids';
import { fail, ok, type Result } from '../../../shared/result';
import { NETWORK_ERROR_CODE } from './http';

/** A proof-of-delivery image as the server serves it to admins and the order's outlet (`GET /api/orders/<id>/proofs/<sha256>`). */
export async function fetchProofImage(orderId: OrderId, proofId: string, token: string): Promise<Result<Blob>> {
  let response: Response;
  try {
    response = await fetch(`/api/orders/${encodeURIComponent(orderId)}/proofs/${encodeURIComponent(proofId)}`, {
      headers: { authorization: `Bearer ${token}` },
    });
  } catch {
    return fail(NETWORK_ERROR_CODE, 'Images are not kept on this device; it needs the network to show this one.');
  }
  if (response.status === 404)
    return fail('not_found', 'The driver’s phone has not uploaded this image yet (or it is past its retention).');
  if (!response.ok) return fail('http_error', `The server answered ${response.status}.`);
  return ok(await response.blob());
}
