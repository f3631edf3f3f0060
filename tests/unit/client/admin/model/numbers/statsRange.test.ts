import { describe, expect, it } from 'vitest';
import { dateInputValue, rangeOfDays } from '../../../../../../client/admin/model/numbers/statsRange';

describe('rangeOfDays', () => {
  it('covers both days chosen, from the first midnight to the one after the last, on this device’s calendar', () => {
    const range = rangeOfDays('2026-12-01', '2026-12-05');
    expect(range.ok && range.value).toEqual({ from: new Date(2026, 11, 1).getTime(), to: new Date(2026, 11, 6).getTime() });
    expect(dateInputValue(new Date(2026, 11, 5, 23, 59).getTime())).toBe('2026-12-05');
  });

  it('refuses a last day before the first, a missing day, and more days than the server counts', () => {
    expect(rangeOfDays('2026-12-05', '2026-12-01')).toMatchObject({ ok: false, error: { message: 'The last day is before the first.' } });
    expect(rangeOfDays('', '2026-12-01')).toMatchObject({ ok: false, error: { message: 'Choose both days.' } });
    expect(rangeOfDays('2026-01-01', '2026-12-01')).toMatchObject({ ok: false, error: { message: 'Choose at most 92 days.' } });
  });
});
