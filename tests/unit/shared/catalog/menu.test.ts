import { describe, expect, it } from 'vitest';
import { openingIntervalSchema, outletProfileSchema } from '../../../../shared/catalog/menu';
import { DEMO_OUTLET } from '../../../../sync-server/seed/demoCatalog';

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
