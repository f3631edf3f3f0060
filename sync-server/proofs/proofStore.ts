import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { OrderId } from '../../shared/ids';
import { ensurePrivateDir, PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../storage/privateFiles';
import { PROOF_TYPES, type ProofType } from './imageType';

/** A proof id: the lowercase hex SHA-256 of the photo's bytes, computed by the device before it has network. */
export const PROOF_ID = /^[0-9a-f]{64}$/;

/**
 * Proof-of-delivery photos on disk, DATA_DIR/proofs/<orderId>/<proofId>.<ext>. Content-addressed, so
 * storing the same photo twice (a retried upload) is a no-op, and a file is either whole or absent
 * (written aside, then renamed into place).
 */
export class ProofStore {
  constructor(private readonly dir: string) {
    ensurePrivateDir(dir);
  }

  /** 'created' when stored now, 'exists' when this photo was already here. */
  put(orderId: OrderId, proofId: string, type: ProofType, bytes: Uint8Array): 'created' | 'exists' {
    if (this.find(orderId, proofId)) return 'exists';
    const folder = path.join(this.dir, orderId);
    fs.mkdirSync(folder, { recursive: true, mode: PRIVATE_DIR_MODE });
    const file = path.join(folder, `${proofId}.${PROOF_TYPES[type]}`);
    const temp = `${file}.${randomBytes(6).toString('hex')}.part`;
    fs.writeFileSync(temp, bytes, { flag: 'wx', mode: PRIVATE_FILE_MODE });
    fs.renameSync(temp, file);
    return 'created';
  }

  get(orderId: OrderId, proofId: string): { type: ProofType; bytes: Buffer } | null {
    const found = this.find(orderId, proofId);
    return found ? { type: found.type, bytes: fs.readFileSync(found.file) } : null;
  }

  private find(orderId: OrderId, proofId: string): { type: ProofType; file: string } | null {
    for (const [type, ext] of Object.entries(PROOF_TYPES) as [ProofType, string][]) {
      const file = path.join(this.dir, orderId, `${proofId}.${ext}`);
      if (fs.existsSync(file)) return { type, file };
    }
    return null;
  }
}
