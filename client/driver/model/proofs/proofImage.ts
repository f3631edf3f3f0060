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

/** The scale that fits `width` × `height` inside PROOF_MAX_SIDE; 1 when it already fits. */
export function fitScale(width: number, height: number, maxSide: number = PROOF_MAX_SIDE): number {
  const longest = Math.max(width, height);
  return longest > maxSide ? maxSide / longest : 1;
}

async function reencode(file: Blob): Promise<Blob | null> {
  if (typeof createImageBitmap !== 'function') return null;
  try {
    const bitmap = await createImageBitmap(file);
    const scale = fitScale(bitmap.width, bitmap.height);
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    return await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY));
  } catch {
    return null;
  }
}

/**
 * A camera photo made fit to keep and send: scaled down and saved as JPEG, so a phone's 8 MB photo
 * fits the server's limit and a slow network. When the browser cannot decode it (an odd format),
 * the original is used if the server would take it as it is; otherwise why not, for the driver.
 */
export async function prepareProofPhoto(file: Blob): Promise<ProofImage | string> {
  const smaller = await reencode(file);
  const chosen = smaller && smaller.size > 0 && smaller.size <= MAX_PROOF_BYTES ? smaller : file;
  if (!isProofType(chosen.type)) return 'This photo’s format cannot be sent; take it again with the camera.';
  if (chosen.size > MAX_PROOF_BYTES) return 'This photo is too large to send (over 5 MB); take it again.';
  return { type: chosen.type, bytes: new Uint8Array(await chosen.arrayBuffer()) };
}
