import { afterEach, describe, expect, it } from 'vitest';
import { localClock } from '../../../shared/catalog/openingHours';
import type { OutletProfile } from '../../../shared/catalog/menu';
import { DEMO_OUTLET as DEMO_PROFILE } from '../../../sync-server/seed/demoCatalog';
import { PICKUP_ORDER } from '../support/api';
import { getJson, postJson } from '../support/http';
import { availabilityOf, editOutletDoc, profileOf, statusOf } from '../support/outletDoc';
import { expectRefused } from '../support/refusals';
import { useTestServer } from '../support/testServer';

/**
 * Refusals that depend on the moment and on what staff or admins set on the outlet document:
 * closed, paused, unavailable (each until an end time), and order types the outlet does not offer.
 */
const t = useTestServer({ DABBA_ORDERS_PER_MINUTE: '1000' });
afterEach(() =>
  editOutletDoc(t.url, t.admin, (d) => {
    profileOf(d).set('value', DEMO_PROFILE);
    availabilityOf(d).clear();
    statusOf(d).clear();
  }),
);

const HOUR = 3_600_000;
/** Long enough for a refusal to be asked for and answered on a busy machine, short enough to wait out. */
const SOON_MS = 2_500;

const place = (body: unknown = PICKUP_ORDER) => postJson(`${t.url}/api/orders`, body);
const quote = (body: unknown = PICKUP_ORDER) => postJson(`${t.url}/api/orders/quote`, body);
const ordering = async () => (await getJson<{ ordering: unknown }>(`${t.url}/api/outlets/demo-outlet/menu`)).body.ordering;
const setProfile = (profile: OutletProfile) => editOutletDoc(t.url, t.admin, (d) => profileOf(d).set('value', profile));
const waitUntil = (at: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now()) + 50));

describe('an outlet that is closed', () => {
  it('refuses during a closure, saying until when and why, and takes orders again once it is lifted', async () => {
    const now = Date.now();
    await setProfile({ ...DEMO_PROFILE, closures: [{ from: now - HOUR, until: now + 24 * HOUR, reason: 'Renovation' }] });
    const message = /^Dabba Demo Kitchen: Closed until .*\d\d:\d\d [ap]m \(Renovation\)\.$/;
    await expectRefused(await place(), 'outlet_closed', message);
    await expectRefused(await quote(), 'outlet_closed', message);
    expect(await ordering()).toMatchObject({ open: false, code: 'outlet_closed', message: expect.stringMatching(message) });
    await setProfile(DEMO_PROFILE);
    expect((await place()).status).toBe(201);
  });

  it('refuses outside its opening hours, naming when it opens next', async () => {
    // Open for one hour, starting two hours from now, every day, in the outlet's zone.
    const { minutes } = localClock(Date.now(), DEMO_PROFILE.timezone);
    const hhmm = (m: number) => `${String(Math.floor((m % 1440) / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    const interval = { open: hhmm(minutes + 120), close: hhmm(minutes + 180) };
    await setProfile({ ...DEMO_PROFILE, hours: Array.from({ length: 7 }, () => [interval]) });
    const message = new RegExp(`^Dabba Demo Kitchen: Closed now; opens (tomorrow )?at ${interval.open}\\.$`);
    await expectRefused(await place(), 'outlet_closed', message);
    expect(await ordering()).toMatchObject({ open: false, code: 'outlet_closed' });
  });
});

describe('an outlet that staff paused', () => {
  it('refuses new orders until the pause ends, then takes them', async () => {
    const until = Date.now() + SOON_MS;
    await editOutletDoc(t.url, t.outlet, (d) => statusOf(d).set('paused', { until, reason: 'Rush hour', at: Date.now() }));
    const message = /^Dabba Demo Kitchen is not taking new orders until \d\d:\d\d [ap]m: Rush hour\.$/;
    await expectRefused(await place(), 'outlet_paused', message);
    await expectRefused(await quote(), 'outlet_paused', message);
    expect(await ordering()).toMatchObject({ open: false, code: 'outlet_paused' });
    await waitUntil(until);
    expect(await ordering()).toEqual({ open: true });
    expect((await place()).status).toBe(201);
  });

  it('refuses with no end time until staff resume', async () => {
    await editOutletDoc(t.url, t.outlet, (d) => statusOf(d).set('paused', { until: null, reason: '', at: Date.now() }));
    await expectRefused(await place(), 'outlet_paused', /^Dabba Demo Kitchen is not taking new orders\.$/);
    await editOutletDoc(t.url, t.outlet, (d) => statusOf(d).delete('paused'));
    expect((await place()).status).toBe(201);
  });
});

describe('an item staff marked unavailable', () => {
  const coffee = { ...PICKUP_ORDER, items: [{ itemId: 'filter-coffee', qty: 2 }] };

  it('refuses it until its end time, then takes it', async () => {
    const until = Date.now() + SOON_MS;
    await editOutletDoc(t.url, t.outlet, (d) => availabilityOf(d).set('filter-coffee', { available: false, until, at: Date.now() }));
    await expectRefused(await place(coffee), 'item_unavailable', /^Filter Coffee is not available right now\.$/);
    await expectRefused(await quote(coffee), 'item_unavailable', /^Filter Coffee is not available right now\.$/);
    expect((await place()).status).toBe(201); // the rest of the menu is still on
    await waitUntil(until);
    expect((await place(coffee)).status).toBe(201);
  });

  it('refuses an unavailable modifier option, naming item and option', async () => {
    await editOutletDoc(t.url, t.outlet, (d) => availabilityOf(d).set('cheese', { available: false, at: Date.now() }));
    const cheesy = {
      ...PICKUP_ORDER,
      items: [
        {
          itemId: 'masala-dosa',
          qty: 1,
          modifiers: [
            { groupId: 'chutney', optionId: 'coconut' },
            { groupId: 'extras', optionId: 'cheese' },
          ],
        },
      ],
    };
    await expectRefused(await place(cheesy), 'item_unavailable', /^Masala Dosa: Cheese is not available right now\.$/);
  });
});

describe('an order type the outlet does not offer', () => {
  it('refuses it by name', async () => {
    await setProfile({ ...DEMO_PROFILE, orderTypes: ['delivery', 'pickup'] });
    const dineIn = { ...PICKUP_ORDER, type: 'dine-in', table: '7' };
    await expectRefused(await place(dineIn), 'order_type_unavailable', /^Dabba Demo Kitchen does not take dine-in orders\.$/);
    await expectRefused(await quote(dineIn), 'order_type_unavailable', /does not take dine-in orders/);
    expect((await place()).status).toBe(201);
  });
});
