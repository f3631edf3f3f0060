import { describe, expect, it } from 'vitest';
import { parseCoordinate } from '../../../../../../client/admin/model/outlets/coordinateText';

describe('parseCoordinate', () => {
  it('reads degrees, rounded to six decimals', () => {
    expect(parseCoordinate(' 12.97160049 ', 'lat')).toEqual({ ok: true, value: 12.9716 });
    expect(parseCoordinate('-77.5946', 'lng')).toEqual({ ok: true, value: -77.5946 });
    expect(parseCoordinate('180', 'lng')).toEqual({ ok: true, value: 180 });
    expect(parseCoordinate('-0.0000001', 'lat')).toEqual({ ok: true, value: 0 });
  });

  it('asks for a value when the field is empty or the browser could not read it', () => {
    const result = parseCoordinate('  ', 'lat');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toEqual({ code: 'empty', message: 'Enter a latitude in degrees, such as 12.9716.' });
  });

  it('refuses text that is not a number', () => {
    expect(parseCoordinate('12,97', 'lat')).toEqual({
      ok: false,
      error: { code: 'not_a_number', message: '“12,97” is not a number of degrees.' },
    });
    expect(parseCoordinate('Infinity', 'lng').ok).toBe(false);
  });

  it('refuses a latitude beyond the poles and a longitude beyond the antimeridian', () => {
    expect(parseCoordinate('90.5', 'lat')).toEqual({
      ok: false,
      error: { code: 'off_the_map', message: 'A latitude runs from -90 to 90.' },
    });
    expect(parseCoordinate('-180.000001', 'lng')).toEqual({
      ok: false,
      error: { code: 'off_the_map', message: 'A longitude runs from -180 to 180.' },
    });
    expect(parseCoordinate('120', 'lat').ok).toBe(false);
    expect(parseCoordinate('120', 'lng').ok).toBe(true);
  });
});
