import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MENU_PHOTO_PREFIX, MENU_PHOTO_URL } from '../../shared/api/menuPhotos';
import { PROOF_TYPES, type ProofType } from '../proofs/imageType';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../storage/privateFiles';

export interface StoredPhoto {
  readonly kind: 'created' | 'exists';
  /** `/media/menu/<sha256>.<ext>`. */
  readonly url: string;
}

const TYPE_OF_EXTENSION = new Map<string, ProofType>(Object.entries(PROOF_TYPES).map(([type, ext]) => [ext, type as ProofType]));

/**
 * Menu photos on disk, DATA_DIR/menu-photos/<sha256>.<ext>. Content-addressed: the same bytes always
 * get the same file and URL, so an upload retried or repeated stores nothing new, and a file never
 * changes once there (which is what lets the URL be cached for good). A file is whole or absent:
 * written aside, then renamed into place.
 */
export class MenuPhotoStore {
  constructor(private readonly dir: string) {
    ensurePrivateDir(dir);
  }

  /** Stores bytes already checked to be an image of `type`. */
  put(type: ProofType, bytes: Uint8Array): StoredPhoto {
    const name = `${createHash('sha256').update(bytes).digest('hex')}.${PROOF_TYPES[type]}`;
    const url = `${MENU_PHOTO_PREFIX}${name}`;
    const file = path.join(this.dir, name);
    if (fs.existsSync(file)) return { kind: 'exists', url };
    const temp = `${file}.${randomBytes(6).toString('hex')}.part`;
    fs.writeFileSync(temp, bytes, { flag: 'wx', mode: PRIVATE_FILE_MODE });
    fs.renameSync(temp, file);
    return { kind: 'created', url };
  }

  /** The photo a URL names, or null for one that is not a menu photo URL or not stored. */
  async get(url: string): Promise<{ type: ProofType; bytes: Buffer } | null> {
    const match = MENU_PHOTO_URL.exec(url);
    const type = match?.[1] === undefined ? undefined : TYPE_OF_EXTENSION.get(match[1]);
    // Only a name the pattern allows (hex and a known extension) ever reaches the file system.
    if (!type) return null;
    try {
      return { type, bytes: await fs.promises.readFile(path.join(this.dir, url.slice(MENU_PHOTO_PREFIX.length))) };
    } catch (err: unknown) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }
}
