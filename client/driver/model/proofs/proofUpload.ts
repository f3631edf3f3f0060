import { worthRetrying } from '../../../common/api/http';
import type { DabbaDb } from '../../../common/store/db';
import { markProofRefused, markProofUploaded, noteProofError, waitingProofs } from '../../../common/store/proofs';
import type { PassResult } from '../../../common/sync/retryLoop';
import type { DriverApi } from '../driverApi';

export interface ProofUploadDeps {
  readonly db: DabbaDb;
  readonly driverId: string;
  readonly api: DriverApi;
}

/**
 * Uploads every waiting proof image, oldest first, by its hash: before or after the `delivered` event
 * reaches the server, and as often as needed (the same bytes again are harmless). The first one that
 * cannot get through ends the pass; the loop tries again after a pause.
 */
export async function uploadProofs({ db, driverId, api }: ProofUploadDeps): Promise<PassResult> {
  for (const row of await waitingProofs(db, driverId)) {
    if (row.bytes === null) {
      await markProofRefused(db, row, 'The photo is no longer on this device.');
      continue;
    }
    const answer = await api.putProof(row.orderId, row.sha256, row.type, row.bytes);
    if (answer.ok) {
      await markProofUploaded(db, row);
    } else if (worthRetrying(answer.error)) {
      await noteProofError(db, row, answer.error.message);
      return 'retry';
    } else {
      await markProofRefused(db, row, answer.error.message);
    }
  }
  return 'idle';
}
