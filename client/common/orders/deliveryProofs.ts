import type { OrderView } from '../../../shared/order/orderDoc';

export interface DeliveryProof {
  /** The proof id on the server: the image's SHA-256. */
  readonly id: string;
  /** A photo when a signature is named beside it; otherwise whichever the driver gave. */
  readonly kind: 'photo' | 'signature' | 'proof';
}

/** How the driver app names a signature that goes with a photo (see its deliveryNotes). */
const SIGNATURE_NOTE = /signature proof ([0-9a-f]{64})/;

/** The images that prove the delivery: the `delivered` event's proof, and a signature named in a note. */
export function deliveryProofs(order: Pick<OrderView, 'state'>): DeliveryProof[] {
  const delivered = order.state.applied.findLast((e) => e.type === 'delivered');
  const signatures = order.state.applied.flatMap((e) => {
    const match = e.type === 'note' ? SIGNATURE_NOTE.exec(e.text) : null;
    return match?.[1] ? [match[1]] : [];
  });
  const proofs: DeliveryProof[] = [];
  const proof = delivered?.type === 'delivered' ? delivered.proof : undefined;
  if (proof) proofs.push({ id: proof, kind: signatures.length > 0 ? 'photo' : 'proof' });
  for (const id of signatures) if (id !== proof) proofs.push({ id, kind: 'signature' });
  return proofs;
}
