/** The image types a proof of delivery may be, with the file extension each is stored under. */
export const PROOF_TYPES = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } as const;
export type ProofType = keyof typeof PROOF_TYPES;

export const isProofType = (value: string): value is ProofType => Object.hasOwn(PROOF_TYPES, value);

const startsWith = (bytes: Uint8Array, prefix: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + prefix.length && prefix.every((b, i) => bytes[offset + i] === b);

/**
 * The image type the bytes really are, from their signature, or null. Proofs are shown back to outlet
 * staff, so a file is stored only when its bytes are the type it claims to be.
 */
export function sniffImageType(bytes: Uint8Array): ProofType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}
