import type * as Y from 'yjs';
import { menuSchema, outletProfileSchema, type Menu, type OutletProfile } from './menu';

/**
 * `outlet:<id>`: Y.Map('profile') and Y.Map('menu') (admin-written, one JSON value under key 'value'),
 * Y.Map('availability') of itemId → { available, until? } (outlet staff write it).
 */
export const OUTLET_ROOTS = { profile: 'profile', menu: 'menu', availability: 'availability', status: 'status' } as const;

export interface Availability {
  readonly available: boolean;
  /** Epoch ms when an item marked unavailable comes back on its own. */
  readonly until?: number;
}

export interface Catalog {
  readonly profile: OutletProfile;
  readonly menu: Menu;
  readonly availability: ReadonlyMap<string, Availability>;
}

export function writeCatalog(doc: Y.Doc, profile: OutletProfile, menu: Menu): void {
  doc.transact(() => {
    doc.getMap(OUTLET_ROOTS.profile).set('value', profile);
    doc.getMap(OUTLET_ROOTS.menu).set('value', menu);
  });
}

export function readCatalog(doc: Y.Doc): Catalog | null {
  const profile = outletProfileSchema.safeParse(doc.getMap(OUTLET_ROOTS.profile).get('value'));
  const menu = menuSchema.safeParse(doc.getMap(OUTLET_ROOTS.menu).get('value'));
  if (!profile.success || !menu.success) return null;
  const availability = new Map<string, Availability>();
  for (const [key, value] of doc.getMap<Availability>(OUTLET_ROOTS.availability).entries()) availability.set(key, value);
  return { profile: profile.data, menu: menu.data, availability };
}

export function isAvailable(catalog: Catalog, itemId: string, now: number): boolean {
  const entry = catalog.availability.get(itemId);
  if (!entry || entry.available) return true;
  return entry.until !== undefined && entry.until <= now;
}
