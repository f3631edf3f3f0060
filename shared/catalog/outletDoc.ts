import type * as Y from 'yjs';
import { fail, ok, type Result } from '../result';
import { outletProfileSchema, storedMenuSchema, type Menu, type OutletProfile } from './menu';
import { formatLocalTime, openState } from './openingHours';
import { availabilitySchema, busySchema, pausedSchema, STATUS_KEYS, type AvailabilityEntry, type Busy, type Paused } from './outletStatus';

/**
 * `outlet:<id>`: Y.Map('profile') and Y.Map('menu') (admin-written, one JSON value under key 'value'),
 * Y.Map('availability') and Y.Map('status') (outlet staff write them; see outletStatus.ts).
 */
export const OUTLET_ROOTS = { profile: 'profile', menu: 'menu', availability: 'availability', status: 'status' } as const;

export interface Catalog {
  readonly profile: OutletProfile;
  readonly menu: Menu;
  readonly availability: ReadonlyMap<string, AvailabilityEntry>;
  readonly paused: Paused | null;
  readonly busy: Busy | null;
}

export function writeCatalog(doc: Y.Doc, profile: OutletProfile, menu: Menu): void {
  doc.transact(() => {
    doc.getMap(OUTLET_ROOTS.profile).set('value', profile);
    doc.getMap(OUTLET_ROOTS.menu).set('value', menu);
  });
}

export function readCatalog(doc: Y.Doc): Catalog | null {
  const profile = outletProfileSchema.safeParse(doc.getMap(OUTLET_ROOTS.profile).get('value'));
  const menu = storedMenuSchema.safeParse(doc.getMap(OUTLET_ROOTS.menu).get('value'));
  if (!profile.success || !menu.success) return null;
  const availability = new Map<string, AvailabilityEntry>();
  for (const [key, value] of doc.getMap<unknown>(OUTLET_ROOTS.availability).entries()) {
    const entry = availabilitySchema.safeParse(value);
    if (entry.success) availability.set(key, entry.data);
  }
  const status = doc.getMap<unknown>(OUTLET_ROOTS.status);
  const paused = pausedSchema.safeParse(status.get(STATUS_KEYS.paused));
  const busy = busySchema.safeParse(status.get(STATUS_KEYS.busy));
  return {
    profile: profile.data,
    menu: menu.data,
    availability,
    paused: paused.success ? paused.data : null,
    busy: busy.success ? busy.data : null,
  };
}

export function isAvailable(catalog: Pick<Catalog, 'availability'>, itemId: string, now: number): boolean {
  const entry = catalog.availability.get(itemId);
  if (!entry || entry.available) return true;
  return entry.until !== undefined && entry.until <= now;
}

/** Whether new orders are taken now: closed by hours or closures, paused by staff, or open. */
export function takingOrders(catalog: Catalog, now: number): Result<undefined, 'outlet_closed' | 'outlet_paused'> {
  const { paused } = catalog;
  if (paused && (paused.until === null || paused.until > now)) {
    const until = paused.until === null ? '' : ` until ${formatLocalTime(paused.until, catalog.profile.timezone, now)}`;
    const why = paused.reason.trim().replace(/\.$/, '');
    return fail('outlet_paused', `${catalog.profile.name} is not taking new orders${until}${why ? `: ${why}` : ''}.`);
  }
  const open = openState(catalog.profile, now);
  return open.open ? ok() : fail('outlet_closed', `${catalog.profile.name}: ${open.reason}`);
}

/** Extra prep minutes from busy mode at `now` (0 when not busy). */
export function busyMinutes(catalog: Pick<Catalog, 'busy'>, now: number): number {
  return catalog.busy && catalog.busy.until > now ? catalog.busy.extraMinutes : 0;
}
