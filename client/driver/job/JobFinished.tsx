import { deliveryEndedAt } from '../../../shared/order/assignment';
import type { OrderView } from '../../../shared/order/orderDoc';
import { useOrderProofs } from '../model/delivery/useOrderProofs';
import type { ProofRow } from '../../common/store/db';
import { clockTime } from '../../common/ui/clockTime';
import { JOB_STATUS } from '../jobs/jobText';

const KIND = { photo: 'Photo', signature: 'Signature' } as const;

function ProofLine({ proof }: { readonly proof: ProofRow }) {
  const text =
    proof.state === 'uploaded'
      ? 'uploaded'
      : proof.state === 'waiting'
        ? 'waiting to upload — kept on this phone'
        : `not accepted: ${proof.lastError ?? ''}`;
  return (
    <li data-proof-state={proof.state}>
      {KIND[proof.kind]} {proof.state === 'waiting' ? <span className="badge badge--local">{text}</span> : text}
    </li>
  );
}

/** A finished job: how it ended and when, why if it failed or was cancelled, and where its proof is. */
export function JobFinished({ orderId, view }: { readonly orderId: string; readonly view: OrderView }) {
  const proofs = useOrderProofs(orderId);
  const { state } = view;
  const ended = deliveryEndedAt(state) ?? state.applied.at(-1)?.at ?? null;
  const last = state.applied.at(-1);
  const reason = last && 'reason' in last ? last.reason : null;
  return (
    <section className="card step" aria-labelledby="finished-title">
      <h2 id="finished-title">
        {JOB_STATUS[state.status]}
        {ended ? ` at ${clockTime(ended)}` : ''}
      </h2>
      {reason ? <p>Reason: {reason}</p> : null}
      {proofs.length > 0 ? (
        <ul className="proofs" aria-label="Proof of delivery">
          {proofs.map((p) => (
            <ProofLine key={p.sha256} proof={p} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
