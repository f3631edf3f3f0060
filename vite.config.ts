import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { chunkOfPages } from './scripts/build/pageChunks';
import { precompress } from './scripts/precompress/precompressPlugin';

const fromRoot = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** Each app is one page of a multi-page build: client/<app>/index.html → dist/<app>/index.html. */
const APPS = ['outlet', 'driver', 'admin', 'order', 'track'] as const;

/**
 * The apps are written against React's API and typed with @types/react, but run on Preact's compat layer:
 * React 19's DOM renderer alone is 67 kB gzip, most of the 80 kB the tracking page may load before it is
 * interactive; Preact with compat is 8 kB. Vite's own JSX transform (automatic runtime, from tsconfig)
 * imports react/jsx-runtime, which lands here too. The unit tests resolve React the same way (vitest.config.ts).
 */
export const REACT_ON_PREACT = [
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react\/jsx-(dev-)?runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react$/, replacement: 'preact/compat' },
];

const LIBRARY_CHUNKS = [
  { name: 'preact', test: /node_modules[\\/]preact[\\/]/ },
  { name: 'yjs', test: /node_modules[\\/](yjs|lib0|y-protocols)[\\/]/ },
  { name: 'dexie', test: /node_modules[\\/]dexie[\\/]/ },
  { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
];

/** The apps' own modules, chunked by the pages that load them (scripts/build/pageChunks.ts). */
const APP_CODE = /[\\/](client|shared)[\\/]/;

const API_TARGET = process.env.DABBA_API ?? `http://localhost:${process.env.API_PORT ?? '8787'}`;

export default defineConfig({
  root: fromRoot('client'),
  publicDir: fromRoot('public'),
  // .env files sit at the repository root, beside package.json: `.env.e2e` is the e2e build's (--mode e2e).
  envDir: fromRoot('.'),
  resolve: { alias: REACT_ON_PREACT },
  plugins: [
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'common/sw',
      filename: 'sw.ts',
      // Manifests live in public/, one per app with its own scope; the worker is registered by client/common/pwa.
      manifest: false,
      injectRegister: false,
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,png,svg,webmanifest,ico,woff2}'],
      },
    }),
    precompress(fromRoot('dist')),
  ],
  build: {
    outDir: fromRoot('dist'),
    emptyOutDir: true,
    // dist/.vite/manifest.json: the chunk graph `npm run check:bundles` follows to hold each app to its budget.
    manifest: true,
    rolldownOptions: {
      // `home` is the landing page at / (links to the apps, no script).
      input: Object.fromEntries([...APPS, 'home'].map((page) => [page, fromRoot(`client/${page}/index.html`)])),
      // One chunk per library, fetched only by the pages that import it: libraries change less often than
      // the apps, so their chunks stay cached across releases. Leaflet is left to the default split, which
      // keeps it behind the maps' dynamic import (in a group, Rolldown makes the pages import it statically).
      output: {
        codeSplitting: {
          groups: [
            ...LIBRARY_CHUNKS,
            { name: (id, graph) => chunkOfPages(graph, id), test: APP_CODE, includeDependenciesRecursively: false },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': API_TARGET,
      '/healthz': API_TARGET,
      '/media': API_TARGET,
      '/sync': { target: API_TARGET, ws: true },
    },
  },
});
