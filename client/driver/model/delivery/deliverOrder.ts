import type { OrderId } from '../../../../shared/ids';
import { refuse, type CommandOutcome } from '../../../common/commands/commandOutcome';
import { checkDelivery, markDelivered, type DeliveryProof } from '../driverCommands';
import type { OrderCommandContext } from '../../../common/commands/orderCommands';
import type { DabbaDb, ProofRow } from '../../../common/store/db';
import { saveProof } from '../../../common/store/proofs';
import type { ProofImage } from '../proofs/proofImage';
import { sha256Hex } from '../proofs/proofHash';
import { enterDeliveryCode } from './deliveryCodeEntry';

/** What the driver gathered at the door. */
export interface DeliveryInput {
  readonly photo: ProofImage | null;
  readonly signature: ProofImage | null;
  readonly code: string;
  /** Cash taken at the door, minor units; null when none was (or none was due). */
  readonly cashCollected: number | null;
}

export interface DeliverDeps {
  readonly ctx: OrderCommandContext;
  readonly db: DabbaDb;
  readonly driverId: string;
  /** Wakes the proof uploader: there may be network right now. */
  readonly uploadProofs: () => void;
  readonly now?: () => number;
}

function proofRow(
  orderId: OrderId,
  driverId: string,
  kind: ProofRow['kind'],
  image: ProofImage,
  sha256: string,
  takenAt: number,
): ProofRow {
  return {
    orderId,
    sha256,
    driverId,
    kind,
    type: image.type,
    bytes: image.bytes,
    size: image.bytes.length,
    takenAt,
    state: 'waiting',
    lastError: null,
  };
}

/**
 * Delivered, with proof: the images are stored on the device first, then the `delivered` event
 * names them by their hashes, so an event never points at a photo the phone does not have. The
 * images upload on their own whenever there is network, before or after the event syncs.
 */
export async function deliverOrder(deps: DeliverDeps, orderId: OrderId, input: DeliveryInput): Promise<CommandOutcome> {
  const now = deps.now?.() ?? Date.now();
  const photo = input.photo ? await sha256Hex(input.photo.bytes) : null;
  const signature = input.signature ? await sha256Hex(input.signature.bytes) : null;
  const proof: DeliveryProof = { photo, signature, code: input.code };
  // Checked (and a wrong one recorded) before anything else, so every wrong code counts.
  const code = input.code.trim();
  if (code) {
    const entered = enterDeliveryCode(deps.ctx, orderId, code);
    if (!entered.ok) return entered;
  }
  const check = checkDelivery(deps.ctx, orderId, proof, input.cashCollected);
  if (!check.ok) return check;
  try {
    if (input.photo && photo) await saveProof(deps.db, proofRow(orderId, deps.driverId, 'photo', input.photo, photo, now));
    if (input.signature && signature)
      await saveProof(deps.db, proofRow(orderId, deps.driverId, 'signature', input.signature, signature, now));
  } catch (error) {
    return refuse(
      `The photo could not be saved on this phone (${error instanceof Error ? error.message : String(error)}); nothing was marked.`,
    );
  }
  const outcome = markDelivered(deps.ctx, orderId, proof, input.cashCollected);
  deps.uploadProofs();
  return outcome;
}
