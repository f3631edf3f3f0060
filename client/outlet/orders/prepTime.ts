import { busyMinutes, type Catalog } from '../../../shared/catalog/outletDoc';

/** Accepting starts from 15 minutes when the outlet's profile has not reached the device yet. */
export const FALLBACK_PREP_MINUTES = 15;
/** The most an accepted event carries (shared/order/events.ts). */
const MAX_PREP_MINUTES = 240;

/** The prep time an Accept starts at: the outlet's usual time, plus busy mode's extra minutes while it lasts. */
export function acceptPrepMinutes(catalog: Pick<Catalog, 'profile' | 'busy'> | null, now: number): number {
  if (!catalog) return FALLBACK_PREP_MINUTES;
  return Math.min(MAX_PREP_MINUTES, catalog.profile.defaultPrepMinutes + busyMinutes(catalog, now));
}
