import { describe, expect, it } from 'vitest';
import { chunkOfPages, type ModuleGraph } from '../../../../scripts/build/pageChunks';

interface Node {
  readonly importers?: readonly string[];
  readonly dynamicImporters?: readonly string[];
  readonly isEntry?: boolean;
}

const graphOf = (nodes: Readonly<Record<string, Node>>): ModuleGraph => ({
  getModuleInfo: (id) => {
    const node = nodes[id];
    return node ? { importers: node.importers ?? [], dynamicImporters: node.dynamicImporters ?? [], isEntry: node.isEntry ?? false } : null;
  },
});

const OUTLET = '/repo/client/outlet/index.html';
const DRIVER = '/repo/client/driver/index.html';
const TRACK = '/repo/client/track/index.html';

describe('chunking the apps’ own modules by the pages that load them', () => {
  const graph = graphOf({
    [OUTLET]: { isEntry: true },
    [DRIVER]: { isEntry: true },
    [TRACK]: { isEntry: true },
    '/repo/client/outlet/main.tsx': { importers: [OUTLET] },
    '/repo/client/driver/main.tsx': { importers: [DRIVER] },
    '/repo/client/track/main.tsx': { importers: [TRACK] },
    '/repo/client/common/device/device.ts': { importers: ['/repo/client/outlet/main.tsx', '/repo/client/driver/main.tsx'] },
    '/repo/shared/ids.ts': { importers: ['/repo/client/common/device/device.ts', '/repo/client/track/main.tsx'] },
    '/repo/client/outlet/board.ts': { importers: ['/repo/client/outlet/main.tsx'] },
    '/repo/client/common/map/MapView.tsx': { dynamicImporters: ['/repo/client/track/main.tsx', '/repo/client/driver/main.tsx'] },
    '/repo/client/common/map/pins.ts': { importers: ['/repo/client/common/map/MapView.tsx', '/repo/client/common/device/device.ts'] },
    '/repo/node_modules/yjs/dist/yjs.mjs': { importers: ['/repo/client/outlet/main.tsx', '/repo/client/driver/main.tsx'] },
  });

  it('puts a module two pages load up front in the chunk of those pages, through any chain of imports', () => {
    expect(chunkOfPages(graph, '/repo/client/common/device/device.ts')).toBe('pages-driver-outlet');
    expect(chunkOfPages(graph, '/repo/shared/ids.ts')).toBe('pages-driver-outlet-track');
  });

  it('leaves a module one page alone loads in that page’s chunk', () => {
    expect(chunkOfPages(graph, '/repo/client/outlet/board.ts')).toBeNull();
  });

  it('leaves to the default split a module a lazy screen of a page that does not load it up front reaches', () => {
    // pins.ts: outlet and driver load it up front, but the tracking page's map screen needs it too.
    expect(chunkOfPages(graph, '/repo/client/common/map/pins.ts')).toBeNull();
  });

  it('groups a module a lazy screen reaches when every page with that screen loads it up front anyway', () => {
    const lazyWithinPages = graphOf({
      [OUTLET]: { isEntry: true },
      [DRIVER]: { isEntry: true },
      '/repo/client/outlet/main.tsx': { importers: [OUTLET] },
      '/repo/client/driver/main.tsx': { importers: [DRIVER] },
      '/repo/client/common/charts/Chart.tsx': { dynamicImporters: ['/repo/client/outlet/main.tsx'] },
      '/repo/shared/money.ts': {
        importers: ['/repo/client/common/charts/Chart.tsx', '/repo/client/outlet/main.tsx', '/repo/client/driver/main.tsx'],
      },
    });
    expect(chunkOfPages(lazyWithinPages, '/repo/shared/money.ts')).toBe('pages-driver-outlet');
  });

  it('leaves libraries to their own groups', () => {
    expect(chunkOfPages(graph, '/repo/node_modules/yjs/dist/yjs.mjs')).toBeNull();
  });
});
