import { Hono } from 'hono';
import type { OutletProfile } from '../../shared/catalog/menu';
import { OutletIdSchema } from '../../shared/ids';
import { busyMinutes, isAvailable, takingOrders, type Catalog } from '../../shared/catalog/outletDoc';
import { loadCatalog } from '../catalog/loadCatalog';
import { AppError, notFound } from '../errors';
import type { OutletRepo } from '../storage/outletRepo';
import type { DocRegistry } from '../sync/docRegistry';

export type Ordering =
  { readonly open: true } | { readonly open: false; readonly code: 'outlet_closed' | 'outlet_paused'; readonly message: string };

/** Whether the outlet takes orders now, in the words an order would be refused with. */
function ordering(catalog: Catalog, now: number): Ordering {
  const taking = takingOrders(catalog, now);
  return taking.ok ? { open: true } : { open: false, ...taking.error };
}

/**
 * What the list of restaurants shows besides the name: where, its hours (the page says "open now" or
 * when it opens in its own clock) and what its time estimate starts from. Past closures are left out.
 */
function listedProfile(profile: OutletProfile, now: number) {
  const { address, lat, lng, timezone, hours, orderTypes, defaultPrepMinutes } = profile;
  return { address, lat, lng, timezone, hours, orderTypes, defaultPrepMinutes, closures: profile.closures.filter((c) => c.until > now) };
}

/** Public, cacheable catalog reads, served from the outlet documents. Short cache: a pause or an 86 must show soon. */
export function catalogRoutes(outlets: OutletRepo, registry: DocRegistry): Hono {
  return new Hono()
    .get('/', async (c) => {
      const now = Date.now();
      const list = await Promise.all(
        (await outlets.list()).map(async ({ id, name }) => {
          try {
            const catalog = await loadCatalog(registry, id);
            return {
              id,
              name: catalog.profile.name,
              ordering: ordering(catalog, now),
              busyMinutes: busyMinutes(catalog, now),
              outlet: listedProfile(catalog.profile, now),
            };
          } catch (err: unknown) {
            if (!(err instanceof AppError)) throw err;
            // One outlet whose menu cannot be read must not take the whole list down with it.
            const closed: Ordering = { open: false, code: 'outlet_closed', message: `${name} is not taking orders online right now.` };
            return { id, name, ordering: closed };
          }
        }),
      );
      c.header('Cache-Control', 'public, max-age=15');
      return c.json(list);
    })
    .get('/:id/menu', async (c) => {
      const id = OutletIdSchema.safeParse(c.req.param('id'));
      if (!id.success || !(await outlets.exists(id.data))) throw notFound('The outlet');
      const catalog = await loadCatalog(registry, id.data);
      const now = Date.now();
      c.header('Cache-Control', 'public, max-age=15');
      return c.json({
        outlet: catalog.profile,
        ordering: ordering(catalog, now),
        busyMinutes: busyMinutes(catalog, now),
        categories: catalog.menu.categories,
        items: catalog.menu.items.map((item) => ({
          ...item,
          available: isAvailable(catalog, item.id, now),
          modifierGroups: item.modifierGroups.map((g) => ({
            ...g,
            options: g.options.map((o) => ({ ...o, available: isAvailable(catalog, o.id, now) })),
          })),
        })),
      });
    });
}
