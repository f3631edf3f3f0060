import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDataDir } from './server';

export interface SmallDisk {
  readonly dir: string;
  /** Writes a filler file until the filesystem has no free block left. */
  fill(): void;
  /** Deletes the filler. */
  free(): void;
  unmount(): void;
}

const BLOCK = Buffer.alloc(4096, 1);

/**
 * A real filesystem of `sizeKiB` (a tmpfs mount; the tests and CI run as root), so a full disk is
 * the kernel's ENOSPC and not a stand-in.
 */
export function mountSmallDisk(sizeKiB: number): SmallDisk {
  const dir = tempDataDir('small-disk');
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKiB}k,mode=0700`, 'tmpfs', dir]);
  const filler = path.join(dir, 'filler');
  return {
    dir,
    fill: () => {
      const fd = fs.openSync(filler, 'a');
      try {
        for (;;) fs.writeSync(fd, BLOCK);
      } catch (err: unknown) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
      } finally {
        fs.closeSync(fd);
      }
    },
    free: () => fs.rmSync(filler, { force: true }),
    unmount: () => {
      execFileSync('umount', [dir]);
      fs.rmdirSync(dir);
    },
  };
}
