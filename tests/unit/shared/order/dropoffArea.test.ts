import { describe, expect, it } from 'vitest';
import { dropoffArea } from '../../../../shared/order/dropoffArea';

describe('dropoffArea', () => {
  it.each([
    ['22 Residency Rd', 'Residency Rd'],
    ['12 MG Road, Bengaluru 560001', 'MG Road, Bengaluru 560001'],
    ['Flat 4B, 22 Residency Rd, Bengaluru', 'Residency Rd, Bengaluru'],
    ['No. 5, Church Street', 'Church Street'],
    ['#12/3 Brigade Rd', 'Brigade Rd'],
    ['14-B, 2nd floor, Indiranagar', 'Indiranagar'],
  ])('leaves the door out of %j', (address, area) => {
    expect(dropoffArea(address)).toBe(area);
  });

  it.each([['Residency Rd'], ['Koramangala 5th Block'], ['100 Feet Road, Indiranagar']])('keeps %j, which names no door', (address) => {
    expect(dropoffArea(address)).toBe(address);
  });

  it('keeps the text when nothing but a number is there', () => {
    expect(dropoffArea('22')).toBe('22');
    expect(dropoffArea('  Flat 3  ')).toBe('Flat 3');
  });
});
