import { describe, expect, it } from 'vitest';
import { majorText, minorUnitsOf } from '../../../../../../client/admin/model/outlets/moneyText';

describe('prices as admins type them', () => {
  it('reads main units into minor units for the currency', () => {
    expect(minorUnitsOf('120', 'INR')).toBe(12_000);
    expect(minorUnitsOf('120.5', 'INR')).toBe(12_050);
    expect(minorUnitsOf(' 1,200.05 ', 'INR')).toBe(120_005);
    expect(minorUnitsOf('1200', 'JPY')).toBe(1_200);
    expect(minorUnitsOf('1.234', 'KWD')).toBe(1_234);
  });

  it('refuses what is not a price rather than guessing', () => {
    for (const bad of ['', 'abc', '-5', '1.234', '12.5.0', '1e3']) expect(minorUnitsOf(bad, 'INR')).toBeNull();
    expect(minorUnitsOf('10.5', 'JPY')).toBeNull();
  });

  it('shows minor units back the way they are typed', () => {
    expect(majorText(12_050, 'INR')).toBe('120.50');
    expect(majorText(1_200, 'JPY')).toBe('1200');
    expect(minorUnitsOf(majorText(99_999, 'INR'), 'INR')).toBe(99_999);
  });
});
