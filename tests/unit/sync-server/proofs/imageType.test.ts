import { describe, expect, it } from 'vitest';
import { isProofType, sniffImageType } from '../../../../sync-server/proofs/imageType';

const bytes = (...b: number[]) => new Uint8Array(b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

describe('sniffImageType', () => {
  it('tells JPEG, PNG and WebP by their signatures', () => {
    expect(sniffImageType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0))).toBe('image/jpeg');
    expect(sniffImageType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('image/png');
    expect(sniffImageType(bytes(...ascii('RIFF'), 0, 0, 0, 0, ...ascii('WEBP'), ...ascii('VP8 ')))).toBe('image/webp');
  });

  it('knows nothing else, not even a RIFF file that is not WebP or a cut-off signature', () => {
    expect(sniffImageType(bytes(...ascii('RIFF'), 0, 0, 0, 0, ...ascii('WAVE')))).toBeNull();
    expect(sniffImageType(new TextEncoder().encode('<svg/>'))).toBeNull();
    expect(sniffImageType(bytes(0xff, 0xd8))).toBeNull();
    expect(sniffImageType(bytes())).toBeNull();
  });
});

describe('isProofType', () => {
  it('accepts the three photo types only', () => {
    expect(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/svg+xml', 'toString'].map(isProofType)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});
