import './proofs.css';
import { useState } from 'react';
import type { OrderId } from '../../../shared/ids';
import type { DeliveryProof } from './deliveryProofs';
import { useProofImage } from './useProofImage';

const KIND_WORDS: { readonly [K in DeliveryProof['kind']]: string } = {
  photo: 'Doorstep photo',
  signature: 'Customer’s signature',
  proof: 'Proof of delivery (photo or signature)',
};

function ProofImage({ orderId, proof }: { readonly orderId: OrderId; readonly proof: DeliveryProof }) {
  const [attempt, setAttempt] = useState(0);
  const image = useProofImage(orderId, proof.id, attempt);
  return (
    <figure className="proof">
      {image.status === 'shown' ? <img src={image.url} alt={KIND_WORDS[proof.kind]} /> : null}
      {image.status === 'loading' ? <p role="status">Loading the image…</p> : null}
      {image.status === 'missing' ? (
        <p className="notice">
          {image.message}{' '}
          <button type="button" className="button button--quiet" onClick={() => setAttempt(attempt + 1)}>
            Try again
          </button>
        </p>
      ) : null}
      <figcaption>{KIND_WORDS[proof.kind]}</figcaption>
    </figure>
  );
}

/** The delivery's proof images, fetched from the server as whoever is signed in (they are not kept on the device). */
export function ProofPanel({ orderId, proofs }: { readonly orderId: OrderId; readonly proofs: readonly DeliveryProof[] }) {
  if (proofs.length === 0) return null;
  return (
    <section className="card" aria-labelledby="proof-title">
      <h3 id="proof-title">Proof of delivery</h3>
      <div className="proofs">
        {proofs.map((proof) => (
          <ProofImage key={proof.id} orderId={orderId} proof={proof} />
        ))}
      </div>
    </section>
  );
}
