import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_OUTLET as DEMO_PROFILE } from '../../../sync-server/seed/demoCatalog';
import { getJson } from '../support/http';
import { availabilityOf, editOutletDoc, profileOf, setUpOutlet, statusOf } from '../support/outletDoc';
import { useTestServer } from '../support/testServer';

const t = useTestServer();
afterEach(() =>
  editOutletDoc(t.url, t.outlet, (d) => {
    availabilityOf(d).clear();
    statusOf(d).clear();
  }),
);

interface Option {
  id: string;
  available: boolean;
}
interface Item {
  id: string;
  price: number;
  available: boolean;
  modifierGroups: { id: string; options: Option[] }[];
}
interface MenuBody {
  outlet: typeof DEMO_PROFILE;
  ordering: unknown;
  busyMinutes: number;
  categories: unknown[];
  items: Item[];
}

const menu = async () => (await getJson<MenuBody>(`${t.url}/api/outlets/demo-outlet/menu`)).body;
const HOUR = 3_600_000;

describe('GET /api/outlets', () => {
  it('lists each outlet with whether it takes orders now, where it is, its hours and prep time, cacheable', async () => {
    const res = await getJson(`${t.url}/api/outlets`);
    const { address, lat, lng, timezone, hours, orderTypes, defaultPrepMinutes } = DEMO_PROFILE;
    expect(res.body).toEqual([
      {
        id: 'demo-outlet',
        name: 'Dabba Demo Kitchen',
        ordering: { open: true },
        busyMinutes: 0,
        outlet: { address, lat, lng, timezone, hours, orderTypes, defaultPrepMinutes, closures: [] },
      },
    ]);
    expect(res.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
  });

  it('says why an outlet is not taking orders', async () => {
    await editOutletDoc(t.url, t.outlet, (d) => statusOf(d).set('paused', { until: null, reason: 'Kitchen deep clean', at: Date.now() }));
    const { body } = await getJson(`${t.url}/api/outlets`);
    expect(body).toMatchObject([
      {
        id: 'demo-outlet',
        name: 'Dabba Demo Kitchen',
        ordering: { open: false, code: 'outlet_paused', message: 'Dabba Demo Kitchen is not taking new orders: Kitchen deep clean.' },
      },
    ]);
  });

  it('lists busy mode’s extra minutes and only closures still ahead', async () => {
    const at = Date.now();
    const closures = [
      { from: at - 3 * HOUR, until: at - 2 * HOUR, reason: 'over' },
      { from: at + HOUR, until: at + 2 * HOUR, reason: 'staff meeting' },
    ];
    await editOutletDoc(t.url, t.admin, (d) => profileOf(d).set('value', { ...DEMO_PROFILE, closures }));
    await editOutletDoc(t.url, t.outlet, (d) => statusOf(d).set('busy', { extraMinutes: 20, until: at + HOUR, at }));
    try {
      const { body } = await getJson<{ busyMinutes: number; outlet: { closures: unknown[] } }[]>(`${t.url}/api/outlets`);
      expect(body[0]?.busyMinutes).toBe(20);
      expect(body[0]?.outlet.closures).toEqual([closures[1]]);
    } finally {
      await editOutletDoc(t.url, t.admin, (d) => profileOf(d).set('value', DEMO_PROFILE));
    }
  });
});

describe('GET /api/outlets/:id/menu', () => {
  it('serves the outlet profile, the menu with availability, ordering and busy minutes, cacheable', async () => {
    const res = await getJson<MenuBody>(`${t.url}/api/outlets/demo-outlet/menu`);
    expect(res.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
    const body = res.body;
    expect(body.outlet).toEqual(DEMO_PROFILE);
    expect(body.ordering).toEqual({ open: true });
    expect(body.busyMinutes).toBe(0);
    expect(body.categories.length).toBeGreaterThan(0);
    const dosa = body.items.find((i) => i.id === 'masala-dosa');
    expect(dosa).toMatchObject({ price: 12000, available: true });
    expect(dosa?.modifierGroups[0]?.options.every((o) => o.available)).toBe(true);
  });

  it('shows items and options staff marked unavailable, and busy mode while it lasts', async () => {
    const at = Date.now();
    await editOutletDoc(t.url, t.outlet, (d) => {
      availabilityOf(d).set('thali', { available: false, until: at + HOUR, at });
      availabilityOf(d).set('mint', { available: false, at });
      statusOf(d).set('busy', { extraMinutes: 20, until: at + HOUR, at });
    });
    const body = await menu();
    expect(body.items.find((i) => i.id === 'thali')?.available).toBe(false);
    expect(body.items.find((i) => i.id === 'plain-dosa')?.available).toBe(true);
    const chutney = body.items.find((i) => i.id === 'masala-dosa')?.modifierGroups.find((g) => g.id === 'chutney');
    expect(chutney?.options.map((o) => [o.id, o.available])).toEqual([
      ['coconut', true],
      ['tomato', true],
      ['mint', false],
    ]);
    expect(body.busyMinutes).toBe(20);
    expect(body.ordering).toEqual({ open: true });
  });

  it('is 404 for an outlet that does not exist', async () => {
    const res = await getJson(`${t.url}/api/outlets/nowhere/menu`);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: { code: 'not_found' } });
  });
});

describe('outlets set up or renamed by an admin in their documents', () => {
  it('are listed under their name and serve their menu', async () => {
    await setUpOutlet(t.url, t.admin, 'new-kitchen', 'New Kitchen');
    await editOutletDoc(t.url, t.admin, (d) => profileOf(d).set('value', { ...DEMO_PROFILE, name: 'Dabba Kitchen, MG Road' }));
    try {
      const { body } = await getJson<{ id: string; name: string }[]>(`${t.url}/api/outlets`);
      expect(body.map(({ id, name }) => ({ id, name }))).toEqual([
        { id: 'demo-outlet', name: 'Dabba Kitchen, MG Road' },
        { id: 'new-kitchen', name: 'New Kitchen' },
      ]);
      const res = await getJson<MenuBody>(`${t.url}/api/outlets/new-kitchen/menu`);
      expect(res.status).toBe(200);
      expect(res.body.outlet.name).toBe('New Kitchen');
    } finally {
      await editOutletDoc(t.url, t.admin, (d) => profileOf(d).set('value', DEMO_PROFILE));
    }
  });
});
