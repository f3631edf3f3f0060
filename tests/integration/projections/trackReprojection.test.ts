import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { TrackingTokenSchema } from '../../../shared/ids';
import { trackMap } from '../../../shared/track';
import { createLogger } from '../../../sync-server/log';
import { DocStore } from '../../../sync-server/storage/docStore';
import { DocRegistry } from '../../../sync-server/sync/docRegistry';
import { placeOrder } from '../support/api';
import { getJson } from '../support/http';
import { DELIVERY } from '../support/refusals';
import { openSqliteAt } from '../support/sqlStorage';
import { startTestServer, tempDataDir } from '../support/server';

const TEXT = 'Flat 4B, Meera Iyer 98450 77777, 22 Residency Rd';

describe('tracking projections from before drop-offs were localities', () => {
  it('are rewritten once at start, so an old link stops showing the address text', async () => {
    const dataDir = tempDataDir('reproject');
    const first = await startTestServer({ DATA_DIR: dataDir });
    const { trackingUrl } = await placeOrder(first.url, { ...DELIVERY, address: { ...DELIVERY.address, text: TEXT } });
    await first.close();

    // What a version 1 server left behind: the free text in the projection, and no version recorded.
    const token = TrackingTokenSchema.parse(trackingUrl.split('/').pop());
    const storage = await openSqliteAt(dataDir);
    const registry = new DocRegistry(new DocStore(storage.sql), 60_000, createLogger('silent'));
    await registry.withDoc({ kind: 'track', token }, (doc) => {
      const view = z.record(z.string(), z.unknown()).parse(trackMap(doc.ydoc).get('view'));
      return doc.change((y) => trackMap(y).set('view', { ...view, dropoffArea: TEXT }));
    });
    await registry.closeAll();
    storage.raw.prepare("DELETE FROM meta WHERE key = 'track_projection_version'").run();
    await storage.close();

    const second = await startTestServer({ DATA_DIR: dataDir });
    let shown = '';
    for (let i = 0; i < 50 && !shown.includes('Central Bengaluru'); i++) {
      shown = JSON.stringify((await getJson(`${second.url}/api/track/${token}`)).body);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(shown).toContain('Central Bengaluru');
    expect(shown).not.toContain('Meera');
    await second.close();
  });
});
