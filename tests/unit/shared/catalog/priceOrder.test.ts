import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../../../shared/catalog/outletDoc';
import type { AvailabilityEntry as Availability } from '../../../../shared/catalog/outletStatus';
import { priceOrder, type CartLine, type Pricing } from '../../../../shared/catalog/priceOrder';
import type { TaxRule } from '../../../../shared/catalog/taxes';
import { MoneySchema } from '../../../../shared/money';
import { ORDER_TYPES } from '../../../../shared/order/status';

const NOW = 1_700_000_000_000;
/** A delivery address inside the catalog's only zone. */
const HOME = { lat: 12.95, lng: 77.6 };

/** A thali with a required size and up to two extras, and two plain drinks. Prices in paise. */
function catalog(availability: Record<string, Availability> = {}, taxes: readonly TaxRule[] = []): Catalog {
  return {
    profile: {
      id: 'outlet-1',
      name: 'Dabba Kitchen',
      phone: '+91 00000 00000',
      address: '1 MG Road',
      lat: 12.97,
      lng: 77.59,
      currency: 'INR',
      timezone: 'Asia/Kolkata',
      hours: Array.from({ length: 7 }, () => [{ open: '00:00', close: '24:00' }]),
      closures: [],
      zones: [
        {
          id: 'city',
          name: 'City',
          polygon: [
            [12.9, 77.5],
            [12.9, 77.7],
            [13.0, 77.7],
            [13.0, 77.5],
          ],
          fee: 4_000,
          minimumOrder: 20_000,
        },
      ],
      orderTypes: ['delivery', 'pickup', 'dine-in'],
      defaultPrepMinutes: 15,
      taxes: [...taxes],
      tables: ['T1', 'T2'],
      // As high as an order can hold, so the rules below meet no outlet limit; its own test lowers it.
      maxOrderValue: 100_000_000,
    },
    menu: {
      categories: [
        { id: 'meals', name: 'Meals' },
        { id: 'drinks', name: 'Drinks' },
      ],
      items: [
        {
          id: 'thali',
          categoryId: 'meals',
          name: 'Thali',
          description: '',
          price: 25_000,
          modifierGroups: [
            {
              id: 'size',
              name: 'Size',
              min: 1,
              max: 1,
              options: [
                { id: 'regular', name: 'Regular', price: 0 },
                { id: 'large', name: 'Large', price: 5_000 },
              ],
            },
            {
              id: 'extras',
              name: 'Extras',
              min: 0,
              max: 2,
              options: [
                { id: 'raita', name: 'Raita', price: 3_000 },
                { id: 'papad', name: 'Papad', price: 1_000 },
              ],
            },
          ],
        },
        { id: 'chai', categoryId: 'drinks', name: 'Chai', description: '', price: 2_000, modifierGroups: [] },
        { id: 'lassi', categoryId: 'drinks', name: 'Lassi', description: '', price: 6_000, modifierGroups: [] },
      ],
    },
    availability: new Map(Object.entries(availability)),
    paused: null,
    busy: null,
  };
}

const regularThali = (qty = 1): CartLine => ({ itemId: 'thali', qty, modifiers: [{ groupId: 'size', optionId: 'regular' }] });
const refusal = (result: Pricing) => (result.ok ? null : result.error.code);

describe('priceOrder', () => {
  it('prices each line from the catalog with its modifiers, and adds the delivery fee', () => {
    const result = priceOrder(
      catalog(),
      [
        {
          itemId: 'thali',
          qty: 2,
          modifiers: [
            { groupId: 'size', optionId: 'large' },
            { groupId: 'extras', optionId: 'raita' },
            { groupId: 'extras', optionId: 'papad' },
          ],
        },
        { itemId: 'chai', qty: 3 },
      ],
      'delivery',
      NOW,
      HOME,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        lines: [
          {
            itemId: 'thali',
            name: 'Thali',
            qty: 2,
            unitPrice: 34_000,
            lineTotal: 68_000,
            modifiers: [
              { groupId: 'size', optionId: 'large', name: 'Large', price: 5_000 },
              { groupId: 'extras', optionId: 'raita', name: 'Raita', price: 3_000 },
              { groupId: 'extras', optionId: 'papad', name: 'Papad', price: 1_000 },
            ],
          },
          { itemId: 'chai', name: 'Chai', qty: 3, unitPrice: 2_000, lineTotal: 6_000, modifiers: [] },
        ],
        subtotal: 74_000,
        deliveryFee: 4_000,
        taxes: [],
        total: 78_000,
        zone: catalog().profile.zones[0],
      },
    });
  });

  it('adds exclusive taxes from the outlet settings to the total, and shows inclusive ones inside the prices', () => {
    const gst: TaxRule = { id: 'gst', name: 'GST', rateBasisPoints: 500, inclusive: false, onDeliveryFee: true };
    const vat: TaxRule = { id: 'vat', name: 'VAT', rateBasisPoints: 2_000, inclusive: true, onDeliveryFee: false };
    const cart = [
      { itemId: 'chai', qty: 3 },
      { itemId: 'lassi', qty: 5 },
    ];
    const taxed = priceOrder(catalog({}, [gst, vat]), cart, 'pickup', NOW);
    const plain = priceOrder(catalog(), cart, 'pickup', NOW);
    if (!taxed.ok || !plain.ok) throw new Error('both carts price');
    const gstAmount = Math.round(taxed.value.subtotal * 0.05);
    expect(taxed.value.taxes).toEqual([
      { name: 'GST', rateBasisPoints: 500, inclusive: false, amount: gstAmount },
      { name: 'VAT', rateBasisPoints: 2_000, inclusive: true, amount: Math.round(taxed.value.subtotal / 6) },
    ]);
    expect(taxed.value.total).toBe(plain.value.total + gstAmount);
  });

  it('names the zone that priced a delivery, and none for pickup or dine-in', () => {
    expect(priceOrder(catalog(), [regularThali()], 'delivery', NOW, HOME)).toMatchObject({
      ok: true,
      value: { zone: { id: 'city', name: 'City' } },
    });
    expect(priceOrder(catalog(), [regularThali()], 'pickup', NOW, HOME)).toMatchObject({ ok: true, value: { zone: null } });
  });

  it('refuses while the outlet is closed or paused, unless staff take the order themselves', () => {
    const closed: Catalog = { ...catalog(), profile: { ...catalog().profile, hours: Array.from({ length: 7 }, () => []) } };
    const paused: Catalog = { ...catalog(), paused: { until: null, reason: 'Rush', at: NOW } };
    expect(refusal(priceOrder(closed, [regularThali()], 'pickup', NOW))).toBe('outlet_closed');
    expect(refusal(priceOrder(paused, [regularThali()], 'pickup', NOW))).toBe('outlet_paused');
    expect(priceOrder(closed, [regularThali()], 'pickup', NOW, undefined, { ignoreOpening: true })).toMatchObject({
      ok: true,
      value: { total: 25_000 },
    });
    expect(priceOrder(paused, [regularThali()], 'pickup', NOW, undefined, { ignoreOpening: true })).toMatchObject({
      ok: true,
      value: { total: 25_000 },
    });
  });

  it('still refuses what is wrong with the order itself when staff take it while closed', () => {
    const closed: Catalog = {
      ...catalog({ chai: { available: false } }),
      profile: { ...catalog().profile, hours: Array.from({ length: 7 }, () => []), orderTypes: ['delivery'] },
    };
    const staff = { ignoreOpening: true };
    expect(refusal(priceOrder(closed, [regularThali()], 'pickup', NOW, undefined, staff))).toBe('order_type_unavailable');
    expect(refusal(priceOrder(closed, [regularThali()], 'delivery', NOW, { lat: 12.3, lng: 76.6 }, staff))).toBe('outside_zone');
    expect(refusal(priceOrder(closed, [{ itemId: 'chai', qty: 10 }], 'delivery', NOW, HOME, staff))).toBe('item_unavailable');
    expect(refusal(priceOrder(closed, [{ itemId: 'lassi', qty: 1 }], 'delivery', NOW, HOME, staff))).toBe('below_minimum');
  });

  it('refuses an order type the outlet does not offer, and a delivery without an address', () => {
    const pickupOnly: Catalog = { ...catalog(), profile: { ...catalog().profile, orderTypes: ['pickup'] } };
    expect(priceOrder(pickupOnly, [regularThali()], 'delivery', NOW, HOME)).toMatchObject({
      ok: false,
      error: { code: 'order_type_unavailable', message: 'Dabba Kitchen does not take delivery orders.' },
    });
    expect(refusal(priceOrder(catalog(), [regularThali()], 'delivery', NOW))).toBe('address_required');
  });

  it('charges a delivery fee for delivery only', () => {
    for (const type of ['pickup', 'dine-in'] as const) {
      expect(priceOrder(catalog(), [regularThali()], type, NOW, HOME)).toMatchObject({
        ok: true,
        value: { subtotal: 25_000, deliveryFee: 0, total: 25_000 },
      });
    }
    expect(priceOrder(catalog(), [regularThali()], 'delivery', NOW, HOME)).toMatchObject({
      ok: true,
      value: { deliveryFee: 4_000, total: 29_000 },
    });
  });

  it('refuses an empty cart', () => {
    expect(refusal(priceOrder(catalog(), [], 'pickup', NOW, HOME))).toBe('empty_cart');
  });

  it('refuses an item that is not on the menu', () => {
    const result = priceOrder(catalog(), [regularThali(), { itemId: 'biryani', qty: 1 }], 'pickup', NOW, HOME);
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_item', message: expect.stringContaining('biryani') } });
  });

  it('refuses an item marked unavailable until it comes back on its own', () => {
    const off = (until?: number) => catalog({ chai: until === undefined ? { available: false } : { available: false, until } });
    const cart = [regularThali(), { itemId: 'chai', qty: 1 }];
    expect(refusal(priceOrder(off(), cart, 'pickup', NOW, HOME))).toBe('item_unavailable');
    expect(refusal(priceOrder(off(NOW + 1), cart, 'pickup', NOW, HOME))).toBe('item_unavailable');
    expect(priceOrder(off(NOW), cart, 'pickup', NOW, HOME).ok).toBe(true);
    expect(priceOrder(off(NOW - 60_000), cart, 'pickup', NOW, HOME).ok).toBe(true);
    expect(priceOrder(catalog({ chai: { available: true } }), cart, 'pickup', NOW, HOME).ok).toBe(true);
  });

  it('refuses an unavailable modifier option', () => {
    const result = priceOrder(
      catalog({ large: { available: false } }),
      [{ itemId: 'thali', qty: 1, modifiers: [{ groupId: 'size', optionId: 'large' }] }],
      'pickup',
      NOW,
      HOME,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'item_unavailable', message: expect.stringContaining('Large') } });
  });

  it.each([
    ['too few: a required group left out', []],
    [
      'too many: two sizes',
      [
        { groupId: 'size', optionId: 'regular' },
        { groupId: 'size', optionId: 'large' },
      ],
    ],
    [
      'too many: three extras',
      [
        { groupId: 'size', optionId: 'regular' },
        { groupId: 'extras', optionId: 'raita' },
        { groupId: 'extras', optionId: 'papad' },
        { groupId: 'extras', optionId: 'raita' },
      ],
    ],
    ['an option of another group', [{ groupId: 'size', optionId: 'raita' }]],
    ['an unknown option', [{ groupId: 'size', optionId: 'huge' }]],
    [
      'an unknown group',
      [
        { groupId: 'size', optionId: 'regular' },
        { groupId: 'spice', optionId: 'hot' },
      ],
    ],
    [
      'the same extra twice',
      [
        { groupId: 'size', optionId: 'regular' },
        { groupId: 'extras', optionId: 'raita' },
        { groupId: 'extras', optionId: 'raita' },
      ],
    ],
  ])('refuses invalid modifiers: %s', (_case, modifiers) => {
    expect(refusal(priceOrder(catalog(), [{ itemId: 'thali', qty: 1, modifiers }], 'pickup', NOW, HOME))).toBe('invalid_modifiers');
  });

  it('refuses modifiers on an item that has none', () => {
    expect(
      refusal(
        priceOrder(catalog(), [{ itemId: 'chai', qty: 1, modifiers: [{ groupId: 'size', optionId: 'large' }] }], 'pickup', NOW, HOME),
      ),
    ).toBe('invalid_modifiers');
  });

  it.each([0, -1, 1.5, 100, Number.NaN, Number.POSITIVE_INFINITY])('refuses quantity %d', (qty) => {
    expect(refusal(priceOrder(catalog(), [{ itemId: 'chai', qty }], 'pickup', NOW, HOME))).toBe('bad_quantity');
  });

  it('accepts quantities from 1 to 99', () => {
    expect(priceOrder(catalog(), [{ itemId: 'chai', qty: 1 }], 'pickup', NOW, HOME)).toMatchObject({ ok: true, value: { total: 2_000 } });
    expect(priceOrder(catalog(), [{ itemId: 'chai', qty: 99 }], 'pickup', NOW, HOME)).toMatchObject({
      ok: true,
      value: { total: 198_000 },
    });
  });

  it('refuses a delivery below the minimum, but not a pickup or dine-in order of the same cart', () => {
    const small = [{ itemId: 'chai', qty: 9 }]; // 18,000 < 20,000
    expect(priceOrder(catalog(), small, 'delivery', NOW, HOME)).toMatchObject({
      ok: false,
      error: { code: 'below_minimum', message: expect.stringContaining('200') },
    });
    expect(priceOrder(catalog(), small, 'pickup', NOW, HOME).ok).toBe(true);
    expect(priceOrder(catalog(), small, 'dine-in', NOW, HOME).ok).toBe(true);
    // The minimum is on the subtotal: reaching it exactly is enough.
    expect(priceOrder(catalog(), [{ itemId: 'chai', qty: 10 }], 'delivery', NOW, HOME)).toMatchObject({
      ok: true,
      value: { subtotal: 20_000, total: 24_000 },
    });
  });

  it('refuses an order whose total is more than an order can hold, rather than price one no device could read', () => {
    const biggest: CartLine = {
      itemId: 'thali',
      qty: 99,
      modifiers: [
        { groupId: 'size', optionId: 'large' },
        { groupId: 'extras', optionId: 'raita' },
        { groupId: 'extras', optionId: 'papad' },
      ],
    };
    // 29 lines of 99 × 340.00 = 9,76,14,000 paise + the fee: just within MoneySchema's 10,00,00,000.
    const fits = priceOrder(
      catalog(),
      Array.from({ length: 29 }, () => biggest),
      'delivery',
      NOW,
      HOME,
    );
    expect(fits).toMatchObject({ ok: true, value: { total: 97_618_000 } });
    if (fits.ok)
      for (const amount of [fits.value.subtotal, fits.value.total, ...fits.value.lines.map((l) => l.lineTotal)])
        expect(MoneySchema.safeParse(amount).success).toBe(true);
    const tooBig = priceOrder(
      catalog(),
      Array.from({ length: 30 }, () => biggest),
      'delivery',
      NOW,
      HOME,
    );
    expect(tooBig).toMatchObject({ ok: false, error: { code: 'bad_quantity', message: expect.stringContaining('too large') } });
  });

  it("refuses an order whose total is above the outlet's maximum, naming the limit, and takes one at it", () => {
    const limited = (maxOrderValue: number): Catalog => {
      const base = catalog();
      return { ...base, profile: { ...base.profile, maxOrderValue } };
    };
    // 12 chai = 240.00 with no fee for pickup.
    const cart = [{ itemId: 'chai', qty: 12 }];
    expect(priceOrder(limited(24_000), cart, 'pickup', NOW)).toMatchObject({ ok: true, value: { total: 24_000 } });
    const above = priceOrder(limited(23_999), cart, 'pickup', NOW);
    expect(above).toMatchObject({ ok: false, error: { code: 'above_maximum' } });
    expect(above.ok ? '' : above.error.message).toMatch(/up to ₹239\.99.*this one is ₹240\.00/);
    // The delivery fee counts: the limit is on what the customer pays.
    expect(refusal(priceOrder(limited(24_000), [{ itemId: 'chai', qty: 12 }], 'delivery', NOW, HOME))).toBe('above_maximum');
  });

  it('adds up any valid cart in whole minor units', () => {
    const lineArb = fc.oneof(
      fc.record({ itemId: fc.constantFrom('chai', 'lassi'), qty: fc.integer({ min: 1, max: 99 }) }),
      fc
        .record({
          itemId: fc.constant('thali'),
          qty: fc.integer({ min: 1, max: 99 }),
          size: fc.constantFrom('regular', 'large'),
          extras: fc.subarray(['raita', 'papad']),
        })
        .map(({ itemId, qty, size, extras }): CartLine => ({
          itemId,
          qty,
          modifiers: [{ groupId: 'size', optionId: size }, ...extras.map((optionId) => ({ groupId: 'extras', optionId }))],
        })),
    );
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 8 }), fc.constantFrom(...ORDER_TYPES), (cart, type) => {
        const priced = priceOrder(catalog(), cart, type, NOW, HOME);
        if (!priced.ok) {
          expect(priced.error.code).toBe('below_minimum');
          return;
        }
        const result = priced.value;
        for (const line of result.lines) {
          const base = catalog().menu.items.find((i) => i.id === line.itemId)?.price ?? Number.NaN;
          expect(line.unitPrice).toBe(base + line.modifiers.reduce((sum, m) => sum + m.price, 0));
          expect(line.lineTotal).toBe(line.unitPrice * line.qty);
        }
        expect(result.subtotal).toBe(result.lines.reduce((sum, l) => sum + l.lineTotal, 0));
        expect(result.total).toBe(result.subtotal + result.deliveryFee);
        expect(result.taxes).toEqual([]);
        for (const amount of [result.subtotal, result.deliveryFee, result.total]) expect(Number.isSafeInteger(amount)).toBe(true);
      }),
    );
  });
});
