import { menuPhotoTypeSchema } from '../../../../shared/api/menuPhotos';
import { scaleImage } from '../../../common/images/scaleImage';

/** The longest side a menu photo needs: a dish on a phone, sharp enough on a tablet. */
export const MENU_PHOTO_MAX_SIDE = 1024;
const QUALITY = 0.8;
/** WebP first; JPEG where the browser has no WebP encoder (Safari would give a PNG, far larger for a photo). */
const ENCODINGS = ['image/webp', 'image/jpeg'] as const;

async function redrawn(photo: Blob): Promise<Blob | null> {
  for (const type of ENCODINGS) {
    const blob = await scaleImage(photo, { maxSide: MENU_PHOTO_MAX_SIDE, type, quality: QUALITY });
    // null: this browser cannot decode the photo at all, so another encoding will not help.
    if (blob === null) return null;
    if (blob.type === type && blob.size > 0) return blob;
  }
  return null;
}

/**
 * The photo customers will download, made small for cheap phones on slow networks: at most
 * MENU_PHOTO_MAX_SIDE px on its longest side, as WebP (or JPEG). The original when this browser cannot
 * redraw it (no createImageBitmap, a format it cannot decode), or when the original is a type the
 * server takes and already smaller than the redrawn one.
 */
export async function shrinkPhoto(photo: Blob): Promise<Blob> {
  const smaller = await redrawn(photo);
  if (!smaller) return photo;
  const sendable = menuPhotoTypeSchema.safeParse(photo.type).success;
  return sendable && photo.size <= smaller.size ? photo : smaller;
}
