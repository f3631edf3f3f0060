import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Menu, OutletProfile } from '../../../../shared/catalog/menu';
import {
  busyMinutes,
  isAvailable,
  OUTLET_ROOTS,
  readCatalog,
  takingOrders,
  writeCatalog,
  type Catalog,
} from '../../../../shared/catalog/outletDoc';
import { STATUS_KEYS, type AvailabilityEntry, type Busy, type Paused } from '../../../../shared/catalog/outletStatus';

/** Monday 1 January 2024, 12:00 in Kolkata. */
const NOW = Date.UTC(2024, 0, 1, 6, 30);
const MINUTE = 60_000;

const PROFILE: OutletProfile = {
  id: 'outlet-1',
  name: 'Dabba Kitchen',
  phone: '+91 00000 00000',
  address: '1 MG Road',
  lat: 12.97,
  lng: 77.59,
  currency: 'INR',
  timezone: 'Asia/Kolkata',
  hours: Array.from({ length: 7 }, () => [{ open: '10:00', close: '22:00' }]),
  closures: [],
  zones: [],
  orderTypes: ['pickup'],
  defaultPrepMinutes: 15,
  taxes: [],
  tables: ['T1'],
  maxOrderValue: 5_000_000,
};
const MENU: Menu = {
  categories: [{ id: 'drinks', name: 'Drinks' }],
  items: [{ id: 'chai', categoryId: 'drinks', name: 'Chai', description: '', price: 2_000, modifierGroups: [] }],
};

function doc(fill: (d: Y.Doc) => void = () => undefined): Y.Doc {
  const d = new Y.Doc();
  writeCatalog(d, PROFILE, MENU);
  fill(d);
  return d;
}

const catalog = (over: Partial<Catalog> = {}): Catalog => ({
  profile: PROFILE,
  menu: MENU,
  availability: new Map(),
  paused: null,
  busy: null,
  ...over,
});
const available = (entries: Record<string, AvailabilityEntry>) => ({ availability: new Map(Object.entries(entries)) });
const paused = (p: Paused) => catalog({ paused: p });
const busy = (b: Busy) => ({ busy: b });

describe('readCatalog', () => {
  it('reads profile, menu, availability and status from the outlet document', () => {
    const read = readCatalog(
      doc((d) => {
        d.getMap(OUTLET_ROOTS.availability).set('chai', { available: false, until: NOW + MINUTE, at: NOW });
        d.getMap(OUTLET_ROOTS.status).set(STATUS_KEYS.paused, { until: null, reason: 'Gas leak', at: NOW });
        d.getMap(OUTLET_ROOTS.status).set(STATUS_KEYS.busy, { extraMinutes: 10, until: NOW + MINUTE, at: NOW });
      }),
    );
    expect(read?.profile.name).toBe('Dabba Kitchen');
    expect(read?.menu.items.map((i) => i.id)).toEqual(['chai']);
    expect(read?.availability.get('chai')).toEqual({ available: false, until: NOW + MINUTE, at: NOW });
    expect(read?.paused).toEqual({ until: null, reason: 'Gas leak', at: NOW });
    expect(read?.busy).toEqual({ extraMinutes: 10, until: NOW + MINUTE, at: NOW });
  });

  it('is null without a valid profile or menu', () => {
    expect(readCatalog(new Y.Doc())).toBeNull();
    expect(readCatalog(doc((d) => d.getMap(OUTLET_ROOTS.profile).set('value', { ...PROFILE, timezone: 'Nowhere/Town' })))).toBeNull();
    expect(readCatalog(doc((d) => d.getMap(OUTLET_ROOTS.menu).delete('value')))).toBeNull();
  });

  it('reads a menu whose item photo is from before photos were checked, without that photo', () => {
    const legacy = { ...MENU, items: [{ ...MENU.items[0], photo: 'https://cdn.example.com/chai.jpg' }] };
    const read = readCatalog(doc((d) => d.getMap(OUTLET_ROOTS.menu).set('value', legacy)));
    expect(read?.menu.items.map((i) => i.id)).toEqual(['chai']);
    expect(read?.menu.items[0]?.photo).toBeUndefined();
  });

  it('ignores availability and status entries that do not fit their schema', () => {
    const read = readCatalog(
      doc((d) => {
        d.getMap(OUTLET_ROOTS.availability).set('chai', { available: 'no' });
        d.getMap(OUTLET_ROOTS.status).set(STATUS_KEYS.paused, { until: 'later', reason: '', at: NOW });
        d.getMap(OUTLET_ROOTS.status).set(STATUS_KEYS.busy, { extraMinutes: 1, until: NOW + MINUTE, at: NOW });
      }),
    );
    expect(read?.availability.size).toBe(0);
    expect(read?.paused).toBeNull();
    expect(read?.busy).toBeNull();
  });
});

describe('isAvailable', () => {
  it('is available without an entry or with available: true', () => {
    expect(isAvailable(available({}), 'chai', NOW)).toBe(true);
    expect(isAvailable(available({ chai: { available: true } }), 'chai', NOW)).toBe(true);
  });

  it('is unavailable without an end time until someone brings it back', () => {
    expect(isAvailable(available({ chai: { available: false } }), 'chai', NOW + 365 * 24 * 60 * MINUTE)).toBe(false);
  });

  it('is unavailable until its end time and available from that moment on', () => {
    const off = available({ chai: { available: false, until: NOW + MINUTE } });
    expect(isAvailable(off, 'chai', NOW)).toBe(false);
    expect(isAvailable(off, 'chai', NOW + MINUTE - 1)).toBe(false);
    expect(isAvailable(off, 'chai', NOW + MINUTE)).toBe(true);
    expect(isAvailable(off, 'coffee', NOW)).toBe(true);
  });
});

describe('takingOrders', () => {
  it('takes orders when open and not paused', () => {
    expect(takingOrders(catalog(), NOW)).toEqual({ ok: true, value: undefined });
  });

  it('refuses while paused with no end time, without naming one', () => {
    expect(takingOrders(paused({ until: null, reason: 'Short of staff', at: NOW - MINUTE }), NOW + 7 * 24 * 60 * MINUTE)).toEqual({
      ok: false,
      error: { code: 'outlet_paused', message: 'Dabba Kitchen is not taking new orders: Short of staff.' },
    });
  });

  it('refuses until a pause end time, naming it in the outlet time zone, and takes orders from then on', () => {
    const p = paused({ until: NOW + 30 * MINUTE, reason: 'Rush hour.', at: NOW });
    expect(takingOrders(p, NOW)).toEqual({
      ok: false,
      error: { code: 'outlet_paused', message: 'Dabba Kitchen is not taking new orders until 12:30 pm: Rush hour.' },
    });
    expect(takingOrders(p, NOW + 30 * MINUTE - 1)).toMatchObject({ ok: false, error: { code: 'outlet_paused' } });
    expect(takingOrders(p, NOW + 30 * MINUTE)).toEqual({ ok: true, value: undefined });
    expect(takingOrders(paused({ until: NOW + 30 * MINUTE, reason: '', at: NOW }), NOW)).toMatchObject({
      error: { message: 'Dabba Kitchen is not taking new orders until 12:30 pm.' },
    });
  });

  it('refuses outside opening hours with the outlet name and when it opens', () => {
    expect(takingOrders(catalog(), NOW - 3 * 60 * MINUTE)).toEqual({
      ok: false,
      error: { code: 'outlet_closed', message: 'Dabba Kitchen: Closed now; opens at 10:00.' },
    });
  });

  it('reports a pause over closed hours, since staff said so explicitly', () => {
    expect(takingOrders(paused({ until: null, reason: '', at: NOW }), NOW - 3 * 60 * MINUTE)).toMatchObject({
      error: { code: 'outlet_paused' },
    });
  });
});

describe('busyMinutes', () => {
  it('adds the extra minutes until the end time, and nothing from then on or without busy mode', () => {
    const b = busy({ extraMinutes: 20, until: NOW + MINUTE, at: NOW });
    expect(busyMinutes(b, NOW)).toBe(20);
    expect(busyMinutes(b, NOW + MINUTE - 1)).toBe(20);
    expect(busyMinutes(b, NOW + MINUTE)).toBe(0);
    expect(busyMinutes({ busy: null }, NOW)).toBe(0);
  });
});
