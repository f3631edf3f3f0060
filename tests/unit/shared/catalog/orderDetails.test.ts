import { describe, expect, it } from 'vitest';
import { outletProfileSchema } from '../../../../shared/catalog/menu';
import { checkOrderDetails, findTable, outletCountry } from '../../../../shared/catalog/orderDetails';

const profile = { name: 'Dabba Kitchen', currency: 'INR', country: undefined, tables: ['T1', 'T4', 'Patio 2'] };
const code = (r: ReturnType<typeof checkOrderDetails>) => (r.ok ? null : r.error.code);

describe('checkOrderDetails', () => {
  it('refuses absurd phones and takes numbers of the outlet country with or without +', () => {
    for (const phone of ['99999999999999999999', '0000000', '12345', '+91 00000 00000'])
      expect(code(checkOrderDetails(profile, { type: 'pickup', customer: { phone } }, true)), phone).toBe('invalid_phone');
    for (const phone of ['+91 98450 12345', '98450 12345', '080 2345 6789', '+44 20 7946 0958'])
      expect(code(checkOrderDetails(profile, { type: 'pickup', customer: { phone } }, true)), phone).toBeNull();
  });

  it('reads a phone without + in the country the profile names, over the one its currency suggests', () => {
    const berlin = { ...profile, currency: 'EUR', country: 'DE' };
    expect(code(checkOrderDetails(berlin, { type: 'pickup', customer: { phone: '030 1234567' } }, true))).toBeNull();
    const london = { ...profile, currency: 'INR', country: 'GB' };
    expect(outletCountry(london)).toBe('GB');
    expect(outletCountry(profile)).toBe('IN');
  });

  it('takes only international numbers where the country cannot be told', () => {
    const euro = { ...profile, currency: 'EUR' };
    expect(outletCountry(euro)).toBeUndefined();
    expect(code(checkOrderDetails(euro, { type: 'pickup', customer: { phone: '030 1234567' } }, true))).toBe('invalid_phone');
    expect(code(checkOrderDetails(euro, { type: 'pickup', customer: { phone: '+49 30 1234567' } }, true))).toBeNull();
  });

  it("refuses a dine-in table that is not one of the outlet's, and names the table as the outlet writes it", () => {
    const unknown = checkOrderDetails(profile, { type: 'dine-in', table: 'ZZ-999' }, true);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_table', message: expect.stringContaining('"ZZ-999"') } });
    expect(checkOrderDetails(profile, { type: 'dine-in', table: ' patio 2 ' }, true)).toEqual({ ok: true, value: { table: 'Patio 2' } });
    expect(findTable(profile, 't4')).toBe('T4');
  });

  it('needs a table for a placed dine-in order but not for its quote, and ignores tables of other order types', () => {
    expect(code(checkOrderDetails(profile, { type: 'dine-in' }, true))).toBe('table_required');
    expect(checkOrderDetails(profile, { type: 'dine-in' }, false)).toEqual({ ok: true, value: { table: null } });
    expect(checkOrderDetails(profile, { type: 'pickup', table: 'ZZ-999' }, true)).toEqual({ ok: true, value: { table: null } });
  });
});

describe('outlet profile', () => {
  const stored = {
    id: 'o1',
    name: 'Old Outlet',
    phone: '',
    address: '',
    lat: 0,
    lng: 0,
    currency: 'INR',
    timezone: 'Asia/Kolkata',
    hours: [[], [], [], [], [], [], []],
    orderTypes: ['dine-in'],
    defaultPrepMinutes: 10,
  };

  it('gives a profile stored before tables and limits the tables its printed links name, and a maximum', () => {
    const parsed = outletProfileSchema.parse(stored);
    expect(parsed.tables).toEqual(Array.from({ length: 12 }, (_, i) => `T${i + 1}`));
    expect(parsed.maxOrderValue).toBe(5_000_000);
  });

  it('refuses the same table twice, a table name with symbols, a zero maximum and a country that is not a code', () => {
    expect(outletProfileSchema.safeParse({ ...stored, tables: ['T1', 't1'] }).success).toBe(false);
    expect(outletProfileSchema.safeParse({ ...stored, tables: ['T1/<b>'] }).success).toBe(false);
    expect(outletProfileSchema.safeParse({ ...stored, maxOrderValue: 0 }).success).toBe(false);
    expect(outletProfileSchema.safeParse({ ...stored, country: 'India' }).success).toBe(false);
  });
});
