import { describe, expect, it } from 'vitest';
import {
  nextZonedDay,
  startOfZonedDay,
  startOfZonedHour,
  utcOffsetMs,
  wallClockInput,
  wallClockInstant,
  zonedDateTime,
  zonedHour,
} from '../../../shared/zonedTime';

const at = (iso: string) => Date.parse(iso);

describe('zoned time', () => {
  it('knows the offset of a half-hour zone and of a zone with daylight saving', () => {
    expect(utcOffsetMs(at('2024-05-01T12:00:00Z'), 'Asia/Kolkata')).toBe(5.5 * 3_600_000);
    expect(utcOffsetMs(at('2024-01-15T12:00:00Z'), 'Europe/London')).toBe(0);
    expect(utcOffsetMs(at('2024-07-15T12:00:00Z'), 'Europe/London')).toBe(3_600_000);
  });

  it('finds local midnight and the local hour', () => {
    // 01:15 UTC is 06:45 in Kolkata, on the same date.
    expect(startOfZonedDay(at('2024-05-01T01:15:00Z'), 'Asia/Kolkata')).toBe(at('2024-04-30T18:30:00Z'));
    expect(startOfZonedHour(at('2024-05-01T01:15:00Z'), 'Asia/Kolkata')).toBe(at('2024-05-01T00:30:00Z'));
    expect(zonedHour(at('2024-05-01T01:15:00Z'), 'Asia/Kolkata')).toBe(6);
    expect(zonedDateTime(at('2024-05-01T13:00:00Z'), 'Asia/Kolkata')).toBe('2024-05-01 18:30');
  });

  it('gives a 23-hour day where the clocks go forward', () => {
    const day = startOfZonedDay(at('2024-03-31T10:00:00Z'), 'Europe/London');
    expect(day).toBe(at('2024-03-31T00:00:00Z'));
    expect(nextZonedDay(day, 'Europe/London') - day).toBe(23 * 3_600_000);
    expect(startOfZonedDay(at('2024-04-01T10:00:00Z'), 'Europe/London')).toBe(at('2024-03-31T23:00:00Z'));
  });
});

describe('wallClockInstant', () => {
  it('reads a datetime-local value on the outlet’s wall clock, not the browser’s', () => {
    expect(wallClockInstant('2024-05-01T18:30', 'Asia/Kolkata')).toBe(Date.UTC(2024, 4, 1, 13, 0));
    expect(wallClockInstant('2024-05-01T18:30', 'UTC')).toBe(Date.UTC(2024, 4, 1, 18, 30));
  });

  it('round-trips with wallClockInput on either side of a daylight-saving change', () => {
    for (const local of ['2024-03-30T12:00', '2024-03-31T12:00', '2024-10-27T00:30', '2024-10-27T12:00']) {
      const at = wallClockInstant(local, 'Europe/Berlin');
      expect(at === null ? null : wallClockInput(at, 'Europe/Berlin')).toBe(local);
    }
  });

  it('gives null for what is not a date and time', () => {
    for (const bad of ['', '2024-02-30T10:00', '2024-05-01 18:30', '2024-05-01T24:00', 'tomorrow']) {
      expect(wallClockInstant(bad, 'UTC')).toBeNull();
    }
  });
});
