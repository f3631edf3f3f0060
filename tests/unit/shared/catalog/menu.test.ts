import { describe, expect, it } from 'vitest';
import { menuItemSchema, menuSchema, openingIntervalSchema, outletProfileSchema, storedMenuSchema } from '../../../../shared/catalog/menu';
import { DEMO_MENU, DEMO_OUTLET } from '../../../../sync-server/seed/demoCatalog';

const HASH = 'ab'.repeat(32);
const ITEM = { id: 'chai', categoryId: 'drinks', name: 'Chai', price: 2_000 };

describe('menuItemSchema photo', () => {
  it('is a photo uploaded to this server: /media/menu/<sha256>.<jpg|png|webp>', () => {
    for (const ext of ['jpg', 'png', 'webp'])
      expect(menuItemSchema.safeParse({ ...ITEM, photo: `/media/menu/${HASH}.${ext}` }).success).toBe(true);
    expect(menuItemSchema.safeParse(ITEM).success).toBe(true);
  });

  it('refuses any other URL: the CSP would not let the ordering page show it, or it is not a photo at all', () => {
    const refused = [
      '',
      'https://cdn.example.com/chai.jpg',
      'http://example.com/chai.jpg',
      '//cdn.example.com/chai.jpg',
      'javascript:alert(1)',
      'data:image/png;base64,iVBORw0KGgo=',
      `/media/menu/${HASH.toUpperCase()}.jpg`,
      `/media/menu/${HASH}.svg`,
      `/media/menu/${HASH}.jpg?x=1`,
      `/media/menu/../../jwt-secret`,
      `/api/orders/o1/proofs/${HASH}`,
      `media/menu/${HASH}.jpg`,
    ];
    for (const photo of refused) expect({ photo, ok: menuItemSchema.safeParse({ ...ITEM, photo }).success }).toEqual({ photo, ok: false });
  });
});

describe('menuSchema', () => {
  it('accepts the demo menu', () => {
    expect(menuSchema.safeParse(DEMO_MENU).success).toBe(true);
  });
});

describe('storedMenuSchema', () => {
  const menu = (photo: string) => ({
    categories: [{ id: 'drinks', name: 'Drinks' }],
    items: [
      { ...ITEM, photo },
      { ...ITEM, id: 'lassi' },
    ],
  });

  it('reads a menu stored before photos were checked, leaving out a photo no app could show', () => {
    const read = storedMenuSchema.parse(menu('https://cdn.example.com/chai.jpg'));
    expect(read.items.map((i) => [i.id, i.photo])).toEqual([
      ['chai', undefined],
      ['lassi', undefined],
    ]);
    expect(menuSchema.safeParse(menu('https://cdn.example.com/chai.jpg')).success).toBe(false);
  });

  it('keeps an uploaded photo and still refuses what is wrong elsewhere', () => {
    expect(storedMenuSchema.parse(menu(`/media/menu/${HASH}.webp`)).items[0]?.photo).toBe(`/media/menu/${HASH}.webp`);
    expect(storedMenuSchema.safeParse({ ...menu(''), items: [{ ...ITEM, price: -1 }] }).success).toBe(false);
  });
});

describe('outletProfileSchema', () => {
  it('accepts the demo outlet', () => {
    expect(outletProfileSchema.safeParse(DEMO_OUTLET).success).toBe(true);
  });

  it('refuses a time zone the runtime does not know, which would break every clock reading', () => {
    const result = outletProfileSchema.safeParse({ ...DEMO_OUTLET, timezone: 'India/Bengaluru' });
    expect(result.success ? null : result.error.issues[0]?.path).toEqual(['timezone']);
  });

  it('refuses a currency that is not an ISO 4217 code', () => {
    expect(outletProfileSchema.safeParse({ ...DEMO_OUTLET, currency: 'inr' }).success).toBe(false);
    expect(outletProfileSchema.safeParse({ ...DEMO_OUTLET, currency: 'US$' }).success).toBe(false);
  });
});

describe('openingIntervalSchema', () => {
  it('lets "24:00" close a day but not open one', () => {
    expect(openingIntervalSchema.safeParse({ open: '18:00', close: '24:00' }).success).toBe(true);
    expect(openingIntervalSchema.safeParse({ open: '24:00', close: '02:00' }).success).toBe(false);
    expect(openingIntervalSchema.safeParse({ open: '9:00', close: '17:00' }).success).toBe(false);
  });
});
