import { DEFAULT_MAX_ORDER_VALUE, DEFAULT_TABLES, type Menu, type OutletProfile } from '../../../../shared/catalog/menu';
import { OutletIdSchema, randomId, type OutletId } from '../../../../shared/ids';

/** What an admin gives to add an outlet; the rest starts from the defaults below and is edited after. */
export interface NewOutlet {
  readonly name: string;
  readonly phone: string;
  readonly address: string;
  readonly lat: number;
  readonly lng: number;
  readonly currency: string;
  readonly timezone: string;
}

/**
 * A readable id from the name ("Koramangala Kitchen" → "koramangala-kitchen-x7Qa"): it shows in
 * document names, logs and CSV exports. The random tail keeps two offline admins from colliding.
 */
export function newOutletId(name: string): OutletId {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return OutletIdSchema.parse(`${slug || 'outlet'}-${randomId(4)}`);
}

/**
 * The first profile of a new outlet. It starts closed on every day, so customers cannot order from
 * it while its menu, zones and staff are set up; opening hours are what opens it.
 */
export function firstProfile(id: OutletId, outlet: NewOutlet): OutletProfile {
  return {
    id,
    ...outlet,
    name: outlet.name.trim(),
    hours: [[], [], [], [], [], [], []],
    closures: [],
    zones: [],
    orderTypes: ['delivery', 'pickup'],
    defaultPrepMinutes: 20,
    taxes: [],
    tables: [...DEFAULT_TABLES],
    maxOrderValue: DEFAULT_MAX_ORDER_VALUE,
  };
}

export const EMPTY_MENU: Menu = { categories: [], items: [] };
