import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../../../../client/driver/model/proofs/proofHash';
import { fitScale } from '../../../../../../client/common/images/scaleImage';
import { PROOF_MAX_SIDE } from '../../../../../../client/driver/model/proofs/proofImage';

describe('proof hashing', () => {
  it('names a photo by the lowercase hex SHA-256 of its bytes, as the server checks it', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const bytes = new Uint8Array(4096).map((_, i) => (i * 31) % 256);
    expect(await sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('hashes only the bytes of a view, not the rest of its buffer', async () => {
    const buffer = new Uint8Array([9, 9, 1, 2, 3, 9]);
    expect(await sha256Hex(buffer.subarray(2, 5))).toBe(await sha256Hex(new Uint8Array([1, 2, 3])));
  });
});

describe('proof photo size', () => {
  it('scales a phone camera photo down to the longest side a proof needs, and leaves a small one alone', () => {
    expect(fitScale(4000, 3000, PROOF_MAX_SIDE)).toBe(PROOF_MAX_SIDE / 4000);
    expect(fitScale(3000, 4000, PROOF_MAX_SIDE)).toBe(PROOF_MAX_SIDE / 4000);
    expect(fitScale(800, 600, PROOF_MAX_SIDE)).toBe(1);
  });
});
