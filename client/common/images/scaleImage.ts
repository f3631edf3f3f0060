/** The scale that fits `width` × `height` inside `maxSide` on its longest side; 1 when it already fits. */
export function fitScale(width: number, height: number, maxSide: number): number {
  const longest = Math.max(width, height);
  return longest > maxSide ? maxSide / longest : 1;
}

export interface ScaleTarget {
  /** The longest side the result may have, in pixels. */
  readonly maxSide: number;
  /** The type to encode as; a browser without that encoder (Safari and WebP) gives PNG, and the blob's type says so. */
  readonly type: string;
  /** 0–1, for the lossy types. */
  readonly quality: number;
}

async function encode(bitmap: ImageBitmap, width: number, height: number, target: ScaleTarget): Promise<Blob | null> {
  if (typeof OffscreenCanvas === 'function') {
    const canvas = new OffscreenCanvas(width, height);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, width, height);
    return canvas.convertToBlob({ type: target.type, quality: target.quality });
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, width, height);
  return new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, target.type, target.quality));
}

/**
 * The image drawn again no larger than `target.maxSide` and encoded as `target.type`; null when this
 * browser cannot (no createImageBitmap, a format it cannot decode): callers fall back to the original.
 */
export async function scaleImage(image: Blob, target: ScaleTarget): Promise<Blob | null> {
  if (typeof createImageBitmap !== 'function') return null;
  try {
    const bitmap = await createImageBitmap(image);
    const scale = fitScale(bitmap.width, bitmap.height, target.maxSide);
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    try {
      return await encode(bitmap, width, height, target);
    } finally {
      bitmap.close();
    }
  } catch {
    return null;
  }
}
