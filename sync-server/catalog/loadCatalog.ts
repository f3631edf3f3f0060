import type { OutletId } from '../../shared/ids';
import { readCatalog, type Catalog } from '../../shared/catalog/outletDoc';
import { AppError, notFound } from '../errors';
import type { DocRegistry } from '../sync/docRegistry';

/** The outlet's catalog as its document holds it now; 404 without one, 503 when it cannot be loaded. */
export async function loadCatalog(registry: DocRegistry, outletId: OutletId): Promise<Catalog> {
  const catalog = await registry
    .withDoc({ kind: 'outlet', outletId }, (doc) => readCatalog(doc.ydoc))
    .catch(() => {
      throw new AppError(503, 'catalog_unavailable', 'The menu could not be loaded; try again shortly.');
    });
  if (!catalog) throw notFound('The outlet');
  return catalog;
}
