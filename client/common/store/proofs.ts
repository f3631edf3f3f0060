import type { DabbaDb, ProofRow } from './db';

/** Proof-of-delivery images on this device, waiting to be uploaded or already on the server. */

export async function saveProof(db: DabbaDb, row: ProofRow): Promise<void> {
  await db.transaction('rw', db.proofs, async () => {
    // The same image taken again for the same order is the same proof; one already uploaded stays so.
    const existing = await db.proofs.get([row.orderId, row.sha256]);
    if (existing?.state !== 'uploaded') await db.proofs.put(row);
  });
}

/** This driver's images the server does not have yet, oldest first. */
export async function waitingProofs(db: DabbaDb, driverId: string): Promise<ProofRow[]> {
  const rows = await db.proofs.where('state').equals('waiting').toArray();
  return rows.filter((r) => r.driverId === driverId).sort((a, b) => a.takenAt - b.takenAt);
}

export async function proofsOfOrder(db: DabbaDb, orderId: string): Promise<ProofRow[]> {
  return db.proofs.where('orderId').equals(orderId).toArray();
}

/** How many of this driver's images wait for the network. */
export async function countWaitingProofs(db: DabbaDb, driverId: string): Promise<number> {
  return (await waitingProofs(db, driverId)).length;
}

/** The server has it: the bytes go (the phone needs the space), the row stays to say so. */
export async function markProofUploaded(db: DabbaDb, row: ProofRow): Promise<void> {
  await db.proofs.put({ ...row, bytes: null, state: 'uploaded', lastError: null });
}

/** The server will not take it; the bytes stay so nothing is lost while someone looks at why. */
export async function markProofRefused(db: DabbaDb, row: ProofRow, message: string): Promise<void> {
  await db.proofs.put({ ...row, state: 'refused', lastError: message });
}

/** Why the last try did not get through (no network, server busy); it stays waiting. */
export async function noteProofError(db: DabbaDb, row: ProofRow, message: string): Promise<void> {
  await db.proofs.update([row.orderId, row.sha256], { lastError: message });
}
