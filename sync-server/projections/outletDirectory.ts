import { outletProfileSchema } from '../../shared/catalog/menu';
import { OUTLET_ROOTS } from '../../shared/catalog/outletDoc';
import type { OutletRepo } from '../storage/outletRepo';
import type { DocHooks } from '../sync/docRegistry';

/**
 * Keeps the SQL list of outlets (what `GET /api/outlets` and the menu route know exist) in step with
 * the outlet documents: an outlet an admin sets up, or renames, in its document is listed under that name.
 */
export function outletDirectory(outlets: OutletRepo): DocHooks {
  // Most commits to an outlet document are availability and status; only a new name needs a write.
  const listed = new Map<string, string>();
  return {
    afterCommit(doc) {
      if (doc.ref.kind !== 'outlet') return;
      const profile = outletProfileSchema.safeParse(doc.ydoc.getMap(OUTLET_ROOTS.profile).get('value'));
      if (!profile.success || profile.data.id !== doc.ref.outletId || listed.get(doc.ref.outletId) === profile.data.name) return;
      const { outletId } = doc.ref;
      const { name } = profile.data;
      // A promise only when there is a write: the commits that change no name hold back no hook behind this one.
      return outlets.upsert(outletId, name).then(() => {
        listed.set(outletId, name);
      });
    },
  };
}
