import { Hono } from 'hono';
import { outletDocName } from '../../shared/docNames';
import { OutletIdSchema } from '../../shared/ids';
import { isAvailable, readCatalog } from '../../shared/catalog/outletDoc';
import { AppError, notFound } from '../errors';
import type { OutletRepo } from '../storage/outletRepo';
import type { DocRegistry } from '../sync/docRegistry';

/** Public, cacheable catalog reads, served from the outlet documents. */
export function catalogRoutes(outlets: OutletRepo, registry: DocRegistry): Hono {
  return new Hono()
    .get('/', (c) => {
      c.header('Cache-Control', 'public, max-age=30');
      return c.json(outlets.list());
    })
    .get('/:id/menu', async (c) => {
      const id = OutletIdSchema.safeParse(c.req.param('id'));
      if (!id.success || !outlets.exists(id.data)) throw notFound('The outlet');
      const outletId = id.data;
      const catalog = await registry.change(outletDocName(outletId), { kind: 'outlet', outletId }, (doc) => readCatalog(doc.ydoc))
        .catch(() => { throw new AppError(503, 'catalog_unavailable', 'The menu could not be loaded; try again shortly.'); });
      if (!catalog) throw notFound('The menu');
      const now = Date.now();
      c.header('Cache-Control', 'public, max-age=15');
      return c.json({
        outlet: catalog.profile,
        categories: catalog.menu.categories,
        items: catalog.menu.items.map((item) => ({
          ...item,
          available: isAvailable(catalog, item.id, now),
          modifierGroups: item.modifierGroups.map((g) => ({ ...g, options: g.options.map((o) => ({ ...o, available: isAvailable(catalog, o.id, now) })) })),
        })),
      });
    });
}
