import { describe, expect, it } from 'vitest';
import {
  addInterval,
  changeInterval,
  closeFromInput,
  closeInputValue,
  copyToEveryDay,
  removeInterval,
  type WeeklyHours,
} from '../../../../../../client/admin/model/outlets/hoursEdits';
import { weeklyHoursSchema } from '../../../../../../shared/catalog/menu';

const CLOSED: WeeklyHours = [[], [], [], [], [], [], []];

describe('editing weekly hours', () => {
  it('adds lunch to an empty day, then a second interval after the first closes', () => {
    const lunch = addInterval(CLOSED, 1);
    expect(lunch[1]).toEqual([{ open: '11:00', close: '22:00' }]);
    const split = addInterval(changeInterval(lunch, 1, 0, { close: '15:00' }), 1);
    expect(split[1]).toEqual([
      { open: '11:00', close: '15:00' },
      { open: '15:00', close: '23:00' },
    ]);
    expect(removeInterval(split, 1, 0)[1]).toEqual([{ open: '15:00', close: '23:00' }]);
    expect(weeklyHoursSchema.safeParse(split).success).toBe(true);
  });

  it('copies one day’s hours to every day', () => {
    const week = copyToEveryDay(addInterval(CLOSED, 3), 3);
    expect(week.every((day) => day.length === 1 && day[0]?.open === '11:00')).toBe(true);
  });

  it('shows a midnight close as 00:00 and stores it as 24:00, which the schema accepts only as a close', () => {
    expect(closeInputValue('24:00')).toBe('00:00');
    expect(closeFromInput('00:00')).toBe('24:00');
    expect(closeFromInput('23:30')).toBe('23:30');
  });
});
