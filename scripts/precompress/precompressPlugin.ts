import type { Plugin } from 'vite';
import { precompressDir } from './precompress';

/**
 * Compresses the build once it is complete, the service worker included (vite-plugin-pwa writes it in its
 * own closeBundle, so this one waits for the others: `order: 'post'`, `sequential`).
 */
export function precompress(outDir: string): Plugin {
  return {
    name: 'dabba:precompress',
    apply: 'build',
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        const files = await precompressDir(outDir);
        const sum = (pick: (f: (typeof files)[number]) => number) => files.reduce((n, f) => n + pick(f), 0);
        const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
        this.info(
          `precompressed ${files.length} files: ${kib(sum((f) => f.bytes))} → ${kib(sum((f) => f.brotli))} brotli, ${kib(sum((f) => f.gzip))} gzip`,
        );
      },
    },
  };
}
