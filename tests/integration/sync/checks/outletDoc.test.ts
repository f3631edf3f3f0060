import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MENU_PHOTO_UPLOAD } from '../../../../shared/api/menuPhotos';
import type { Menu, OutletProfile } from '../../../../shared/catalog/menu';
import { OUTLET_ROOTS, readCatalog } from '../../../../shared/catalog/outletDoc';
import { outletDocName } from '../../../../shared/docNames';
import type { OutletId } from '../../../../shared/ids';
import { MuxType } from '../../../../shared/protocol/muxMessages';
import { DEMO_MENU, DEMO_OUTLET } from '../../../../sync-server/seed/demoCatalog';
import type { Session } from '../../support/api';
import { MuxTestClient } from '../../support/muxClient';
import { useTestServer } from '../../support/testServer';
import { eventually } from '../../support/stockClient';

const NAME = outletDocName(DEMO_OUTLET.id as OutletId);
const HOUR = 3_600_000;

const t = useTestServer();

async function device(s: Session): Promise<{ client: MuxTestClient; doc: Y.Doc }> {
  const client = await MuxTestClient.connect(t.url, s.token);
  const doc = await client.open(NAME);
  return { client, doc };
}

const availability = (d: Y.Doc) => d.getMap<unknown>(OUTLET_ROOTS.availability);
const status = (d: Y.Doc) => d.getMap<unknown>(OUTLET_ROOTS.status);
const codeOf = (answer: Awaited<ReturnType<MuxTestClient['change']>>) => (answer.type === MuxType.REJECT ? answer.code : 'ack');

async function menuItem(id: string): Promise<{ available: boolean } | undefined> {
  const menu = (await (await fetch(`${t.url}/api/outlets/${DEMO_OUTLET.id}/menu`)).json()) as {
    items: { id: string; available: boolean }[];
  };
  return menu.items.find((i) => i.id === id);
}

describe('outlet staff writing their outlet document', () => {
  it('marks an item and a modifier option unavailable, and brings them back by removing the entry', async () => {
    const { client, doc } = await device(t.outlet);
    const at = Date.now();
    expect(
      codeOf(await client.change(NAME, (d) => availability(d).set('bisi-bele-bath', { available: false, until: at + HOUR, at }))),
    ).toBe('ack');
    expect(codeOf(await client.change(NAME, (d) => availability(d).set('mint', { available: false, at })))).toBe('ack');
    expect(await menuItem('bisi-bele-bath')).toMatchObject({ available: false });
    expect(
      codeOf(
        await client.change(NAME, (d) => {
          availability(d).delete('bisi-bele-bath');
          availability(d).delete('mint');
        }),
      ),
    ).toBe('ack');
    expect(await menuItem('bisi-bele-bath')).toMatchObject({ available: true });
    expect(availability(doc).size).toBe(0);
    client.close();
  });

  it('pauses new orders and sets busy mode, and ends the pause early by removing it', async () => {
    const { client } = await device(t.outlet);
    const at = Date.now();
    expect(codeOf(await client.change(NAME, (d) => status(d).set('paused', { until: null, reason: 'Gas cylinder change', at })))).toBe(
      'ack',
    );
    expect(codeOf(await client.change(NAME, (d) => status(d).set('busy', { extraMinutes: 15, until: at + HOUR, at })))).toBe('ack');
    const desk = await device(t.admin);
    expect(readCatalog(desk.doc)?.paused).toEqual({ until: null, reason: 'Gas cylinder change', at });
    expect(
      codeOf(
        await client.change(NAME, (d) => {
          status(d).delete('paused');
          status(d).delete('busy');
        }),
      ),
    ).toBe('ack');
    await eventually(() => readCatalog(desk.doc)?.paused === null, 5000, 'the pause to end on the admin device');
    client.close();
    desk.client.close();
  });

  it('refuses values that do not fit the outlet schemas with invalid_value, and stores none of them', async () => {
    const { client } = await device(t.outlet);
    const at = Date.now();
    const cases: [string, (d: Y.Doc) => void][] = [
      ['an item that is not on the menu', (d) => availability(d).set('pizza', { available: false, at })],
      ['an availability that is not a boolean', (d) => availability(d).set('plain-dosa', { available: 'no', at })],
      ['an availability with fields it does not have', (d) => availability(d).set('plain-dosa', { available: false, price: 1 })],
      ['a status key other than paused and busy', (d) => status(d).set('closed', { until: null, reason: '', at })],
      ['a pause whose end is not a time', (d) => status(d).set('paused', { until: 'soon', reason: '', at })],
      ['busy mode beyond two hours', (d) => status(d).set('busy', { extraMinutes: 500, until: at + HOUR, at })],
      ['a nested shared type as a value', (d) => availability(d).set('plain-dosa', new Y.Map())],
      ['list items pushed into the availability root', (d) => d.getArray('availability').push([{ available: false }])],
    ];
    for (const [what, change] of cases) {
      const answer = await client.propose(NAME, change);
      expect({ what, code: codeOf(answer) }).toEqual({ what, code: 'invalid_value' });
    }
    client.close();
    const fresh = await device(t.admin);
    expect(availability(fresh.doc).size).toBe(0);
    expect([...status(fresh.doc).keys()]).toEqual([]);
    fresh.client.close();
  });

  it('explains the refusal in the message', async () => {
    const { client } = await device(t.outlet);
    const answer = await client.propose(NAME, (d) => availability(d).set('pizza', { available: false }));
    expect(answer.type === MuxType.REJECT && answer.message).toMatch(/"pizza" is neither an item nor a modifier option/);
    client.close();
  });

  it('may not change the profile or the menu', async () => {
    const { client } = await device(t.outlet);
    expect(
      codeOf(await client.propose(NAME, (d) => d.getMap(OUTLET_ROOTS.profile).set('value', { ...DEMO_OUTLET, name: 'Renamed' }))),
    ).toBe('field_not_writable');
    expect(codeOf(await client.propose(NAME, (d) => d.getMap(OUTLET_ROOTS.menu).delete('value')))).toBe('field_not_writable');
    client.close();
  });

  it('may not open another outlet document at all', async () => {
    const client = await MuxTestClient.connect(t.url, t.outlet.token);
    const refusal = await client.subscribe(outletDocName('other-outlet' as OutletId));
    expect(refusal instanceof Y.Doc ? 'subscribed' : refusal.code).toBe('forbidden');
    client.close();
  });
});

describe('admins writing an outlet document', () => {
  const profile = (d: Y.Doc) => d.getMap<unknown>(OUTLET_ROOTS.profile);
  const menu = (d: Y.Doc) => d.getMap<unknown>(OUTLET_ROOTS.menu);

  it('replace the profile and the menu with valid ones, and may mark a new item unavailable in the same change', async () => {
    const { client } = await device(t.admin);
    const renamed: OutletProfile = { ...DEMO_OUTLET, phone: '+91 80 4000 9999' };
    expect(codeOf(await client.change(NAME, (d) => profile(d).set('value', renamed)))).toBe('ack');
    const withVada: Menu = {
      ...DEMO_MENU,
      items: [...DEMO_MENU.items, { id: 'vada', categoryId: 'dosa', name: 'Medu Vada', description: '', price: 6000, modifierGroups: [] }],
    };
    expect(
      codeOf(
        await client.change(NAME, (d) => {
          menu(d).set('value', withVada);
          availability(d).set('vada', { available: false });
        }),
      ),
    ).toBe('ack');
    expect(await menuItem('vada')).toMatchObject({ available: false });
    expect(
      codeOf(
        await client.change(NAME, (d) => {
          menu(d).set('value', DEMO_MENU);
          profile(d).set('value', DEMO_OUTLET);
          availability(d).delete('vada');
        }),
      ),
    ).toBe('ack');
    client.close();
  });

  it('are refused a profile or menu that does not fit, or removing them', async () => {
    const { client } = await device(t.admin);
    const cases: [string, (d: Y.Doc) => void, RegExp][] = [
      ['an unknown time zone', (d) => profile(d).set('value', { ...DEMO_OUTLET, timezone: 'Bengaluru' }), /timezone/],
      ['another outlet id', (d) => profile(d).set('value', { ...DEMO_OUTLET, id: 'elsewhere' }), /must carry its id/],
      ['the profile under another key', (d) => profile(d).set('draft', DEMO_OUTLET), /under "value"/],
      ['removing the profile', (d) => profile(d).delete('value'), /cannot be removed/],
      ['a negative price', (d) => menu(d).set('value', { ...DEMO_MENU, items: [{ ...DEMO_MENU.items[0], price: -1 }] }), /price/],
      [
        'an item id used twice',
        (d) => menu(d).set('value', { ...DEMO_MENU, items: [...DEMO_MENU.items, DEMO_MENU.items[1]] }),
        /used twice/,
      ],
      ['an item in a category that does not exist', (d) => menu(d).set('value', { ...DEMO_MENU, categories: [] }), /category "dosa"/],
      [
        'a modifier group asking for more options than it has',
        (d) =>
          menu(d).set('value', {
            ...DEMO_MENU,
            items: DEMO_MENU.items.map((i) => ({ ...i, modifierGroups: i.modifierGroups.map((g) => ({ ...g, min: 4, max: 4 })) })),
          }),
        /at least 4 but has/,
      ],
      [
        'a zone id used twice',
        (d) => profile(d).set('value', { ...DEMO_OUTLET, zones: [...DEMO_OUTLET.zones, ...DEMO_OUTLET.zones] }),
        /zone id "central" is used twice/,
      ],
      [
        'a closure that ends before it starts',
        (d) => profile(d).set('value', { ...DEMO_OUTLET, closures: [{ from: 2_000_000, until: 1_000_000, reason: 'Diwali' }] }),
        /must end after it starts/,
      ],
    ];
    for (const [what, change, message] of cases) {
      const answer = await client.propose(NAME, change);
      expect({ what, code: codeOf(answer) }).toEqual({ what, code: 'invalid_value' });
      expect(answer.type === MuxType.REJECT ? answer.message : '').toMatch(message);
    }
    client.close();
    expect(await menuItem('masala-dosa')).toMatchObject({ available: true });
  });

  it('are refused a menu item photo other than one uploaded to /media/menu/, and may use an uploaded one', async () => {
    const [first] = DEMO_MENU.items;
    if (!first) throw new Error('the demo menu has items');
    const withPhoto = (photo: string): Menu => ({ ...DEMO_MENU, items: [{ ...first, photo }, ...DEMO_MENU.items.slice(1)] });
    const photoOnMenu = async (): Promise<string | undefined> => {
      const served = (await (await fetch(`${t.url}/api/outlets/${DEMO_OUTLET.id}/menu`)).json()) as {
        items: { id: string; photo?: string }[];
      };
      return served.items.find((i) => i.id === first.id)?.photo;
    };
    const { client } = await device(t.admin);
    const refused = [
      'https://cdn.example.com/dosa.jpg',
      'javascript:alert(1)',
      '/media/menu/../../jwt-secret',
      'data:image/png;base64,AAAA',
    ];
    for (const photo of refused) {
      const answer = await client.propose(NAME, (d) => menu(d).set('value', withPhoto(photo)));
      expect({ photo, code: codeOf(answer) }).toEqual({ photo, code: 'invalid_value' });
      expect(answer.type === MuxType.REJECT ? answer.message : '').toMatch(/^Not a valid menu: items\.0\.photo: /);
    }
    expect(await photoOnMenu()).toBeUndefined();

    const uploaded = await fetch(`${t.url}${MENU_PHOTO_UPLOAD}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.admin.token}`, 'content-type': 'image/jpeg' },
      body: new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(512)])),
    });
    const { url } = (await uploaded.json()) as { url: string };
    expect(codeOf(await client.change(NAME, (d) => menu(d).set('value', withPhoto(url))))).toBe('ack');
    expect(await photoOnMenu()).toBe(url);
    expect(codeOf(await client.change(NAME, (d) => menu(d).set('value', DEMO_MENU)))).toBe('ack');
    client.close();
  });
});
