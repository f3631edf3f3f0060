import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { OrderId } from '../../shared/ids';
import { KeyedSerial } from '../serial';
import { ensurePrivateDir, PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../storage/privateFiles';
import type { ProofRecords } from '../storage/proofRecords';
import { PROOF_TYPES, type ProofType } from './imageType';

/** A proof id: the lowercase hex SHA-256 of the photo's bytes, computed by the device before it has network. */
export const PROOF_ID = /^[0-9a-f]{64}$/;

/** How much proof one order may hold: a driver's phone retrying a loop must not fill the disk. */
export interface ProofLimits {
  readonly perOrder: number;
  readonly bytesPerOrder: number;
}

export type PutOutcome =
  | { readonly kind: 'created' | 'exists' }
  | { readonly kind: 'too_many'; readonly limit: number }
  | { readonly kind: 'too_large'; readonly limit: number };

/**
 * Proof-of-delivery photos on disk, DATA_DIR/proofs/<orderId>/<proofId>.<ext>, each with its row in
 * `proofs`. Content-addressed, so storing the same photo twice (a retried upload) is a no-op, and a
 * file is either whole or absent (written aside, then renamed into place). The file is in place
 * before its row, and deleted before it, so a row never outlives its file for long: a crash in
 * between leaves a file the next upload or sweep of that order settles. Puts and deletes of one order
 * run one at a time, so two uploads cannot both fit under a cap that only one fits under, and a sweep
 * cannot delete the rows of files an upload has just put in place.
 */
export class ProofStore {
  private readonly serial = new KeyedSerial<OrderId>();

  constructor(
    private readonly dir: string,
    private readonly records: ProofRecords,
    private readonly limits: ProofLimits,
  ) {
    ensurePrivateDir(dir);
  }

  put(orderId: OrderId, proofId: string, type: ProofType, bytes: Uint8Array, now: number): Promise<PutOutcome> {
    return this.serial.run(orderId, () => this.putNow(orderId, proofId, type, bytes, now));
  }

  get(orderId: OrderId, proofId: string): { type: ProofType; bytes: Buffer } | null {
    const found = this.find(orderId, proofId);
    return found ? { type: found.type, bytes: fs.readFileSync(found.file) } : null;
  }

  /** Deletes every proof of the order: the files first, then the rows that point at them. */
  deleteOrder(orderId: OrderId): Promise<void> {
    return this.serial.run(orderId, async () => {
      fs.rmSync(path.join(this.dir, orderId), { recursive: true, force: true });
      await this.records.deleteOrder(orderId);
    });
  }

  private async putNow(orderId: OrderId, proofId: string, type: ProofType, bytes: Uint8Array, now: number): Promise<PutOutcome> {
    const existing = this.find(orderId, proofId);
    if (existing) {
      await this.records.insert(orderId, proofId, fs.statSync(existing.file).size, now);
      return { kind: 'exists' };
    }
    const held = await this.records.totals(orderId);
    if (held.count >= this.limits.perOrder) return { kind: 'too_many', limit: this.limits.perOrder };
    if (held.bytes + bytes.length > this.limits.bytesPerOrder) return { kind: 'too_large', limit: this.limits.bytesPerOrder };
    const folder = path.join(this.dir, orderId);
    fs.mkdirSync(folder, { recursive: true, mode: PRIVATE_DIR_MODE });
    const file = path.join(folder, `${proofId}.${PROOF_TYPES[type]}`);
    const temp = `${file}.${randomBytes(6).toString('hex')}.part`;
    fs.writeFileSync(temp, bytes, { flag: 'wx', mode: PRIVATE_FILE_MODE });
    fs.renameSync(temp, file);
    await this.records.insert(orderId, proofId, bytes.length, now);
    return { kind: 'created' };
  }

  private find(orderId: OrderId, proofId: string): { type: ProofType; file: string } | null {
    for (const [type, ext] of Object.entries(PROOF_TYPES) as [ProofType, string][]) {
      const file = path.join(this.dir, orderId, `${proofId}.${ext}`);
      if (fs.existsSync(file)) return { type, file };
    }
    return null;
  }
}
