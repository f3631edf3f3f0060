import { outletProfileSchema } from '../../shared/catalog/menu';
import { OUTLET_ROOTS } from '../../shared/catalog/outletDoc';
import type { OutletId } from '../../shared/ids';
import type { DocRegistry } from '../sync/docRegistry';

/** The outlet's time zone from its document; UTC when it has no readable profile. */
export async function outletZone(registry: DocRegistry, outletId: OutletId): Promise<string> {
  const profile = await registry.withDoc({ kind: 'outlet', outletId }, (doc) =>
    outletProfileSchema.safeParse(doc.ydoc.getMap(OUTLET_ROOTS.profile).get('value')),
  );
  return profile.success ? profile.data.timezone : 'UTC';
}
