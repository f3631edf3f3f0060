import { scaleImage } from '../../../common/images/scaleImage';
import type { ProofImageType } from '../../../common/store/db';

/** What the server takes (README "Proof of delivery"). */
export const MAX_PROOF_BYTES = 5 * 1024 * 1024;
const TYPES: readonly ProofImageType[] = ['image/jpeg', 'image/png', 'image/webp'];

/** The longest side a proof photo needs: a door and a parcel, readable; a few hundred KB, not 8 MB. */
export const PROOF_MAX_SIDE = 1600;
const JPEG_QUALITY = 0.8;

export interface ProofImage {
  readonly type: ProofImageType;
  readonly bytes: Uint8Array;
}

export const isProofType = (type: string): type is ProofImageType => (TYPES as readonly string[]).includes(type);

/**
 * A camera photo made fit to keep and send: scaled down and saved as JPEG, so a phone's 8 MB photo
 * fits the server's limit and a slow network. When the browser cannot decode it (an odd format),
 * the original is used if the server would take it as it is; otherwise why not, for the driver.
 */
export async function prepareProofPhoto(file: Blob): Promise<ProofImage | string> {
  const smaller = await scaleImage(file, { maxSide: PROOF_MAX_SIDE, type: 'image/jpeg', quality: JPEG_QUALITY });
  const chosen = smaller && smaller.size > 0 && smaller.size <= MAX_PROOF_BYTES ? smaller : file;
  if (!isProofType(chosen.type)) return 'This photo’s format cannot be sent; take it again with the camera.';
  if (chosen.size > MAX_PROOF_BYTES) return 'This photo is too large to send (over 5 MB); take it again.';
  return { type: chosen.type, bytes: new Uint8Array(await chosen.arrayBuffer()) };
}
