import { afterEach, describe, expect, it, vi } from 'vitest';
import { MENU_PHOTO_MAX_SIDE, shrinkPhoto } from '../../../../../../client/admin/model/api/shrinkPhoto';

interface Drawn {
  readonly width: number;
  readonly height: number;
  readonly type: string | undefined;
  readonly quality: number | undefined;
}

/**
 * A browser that decodes any photo as `width` × `height` and encodes what it is asked, except types it
 * has no encoder for, which come out as PNG (what canvases do). The canvases drawn are recorded.
 */
function browserDecoding(width: number, height: number, encoders: readonly string[], encodedSize = 1000): Drawn[] {
  const drawn: Drawn[] = [];
  vi.stubGlobal('createImageBitmap', async () => ({ width, height, close: () => undefined }));
  vi.stubGlobal(
    'OffscreenCanvas',
    class {
      constructor(
        readonly width: number,
        readonly height: number,
      ) {}
      getContext() {
        return { drawImage: () => undefined };
      }
      async convertToBlob(options: { type?: string; quality?: number }) {
        drawn.push({ width: this.width, height: this.height, type: options.type, quality: options.quality });
        const type = options.type && encoders.includes(options.type) ? options.type : 'image/png';
        return new Blob([new Uint8Array(encodedSize)], { type });
      }
    },
  );
  return drawn;
}

const photo = (type: string, size: number) => new Blob([new Uint8Array(size)], { type });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('shrinking a menu photo before upload', () => {
  it('draws a camera photo at most 1024 px on its longest side and encodes it as WebP at 0.8', async () => {
    const drawn = browserDecoding(4032, 3024, ['image/webp', 'image/jpeg']);
    const shrunk = await shrinkPhoto(photo('image/jpeg', 3_000_000));
    expect(drawn).toEqual([{ width: MENU_PHOTO_MAX_SIDE, height: 768, type: 'image/webp', quality: 0.8 }]);
    expect(shrunk.type).toBe('image/webp');
    expect(shrunk.size).toBe(1000);
  });

  it('scales a portrait photo by its height and leaves a small one at its size', async () => {
    const drawn = browserDecoding(3000, 4000, ['image/webp']);
    await shrinkPhoto(photo('image/jpeg', 3_000_000));
    expect(drawn[0]).toMatchObject({ width: 768, height: MENU_PHOTO_MAX_SIDE });
    const small = browserDecoding(640, 480, ['image/webp']);
    await shrinkPhoto(photo('image/png', 500_000));
    expect(small[0]).toMatchObject({ width: 640, height: 480 });
  });

  it('encodes JPEG where the browser has no WebP encoder, rather than a PNG', async () => {
    const drawn = browserDecoding(4000, 3000, ['image/jpeg']);
    const shrunk = await shrinkPhoto(photo('image/jpeg', 3_000_000));
    expect(drawn.map((d) => d.type)).toEqual(['image/webp', 'image/jpeg']);
    expect(shrunk.type).toBe('image/jpeg');
  });

  it('keeps the original when it is already smaller than the redrawn photo', async () => {
    browserDecoding(300, 200, ['image/webp'], 20_000);
    const original = photo('image/jpeg', 12_000);
    expect(await shrinkPhoto(original)).toBe(original);
  });

  it('keeps the original when the browser cannot redraw it', async () => {
    const original = photo('image/jpeg', 3_000_000);
    expect(await shrinkPhoto(original)).toBe(original);
    vi.stubGlobal('createImageBitmap', async () => Promise.reject(new DOMException('undecodable', 'InvalidStateError')));
    expect(await shrinkPhoto(original)).toBe(original);
  });
});
