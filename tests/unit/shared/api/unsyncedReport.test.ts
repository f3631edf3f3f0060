import { describe, expect, it } from 'vitest';
import { MAX_UNSYNCED_AGE_MS, readUnsyncedParam, unsyncedReportSchema } from '../../../../shared/api/unsyncedReport';

const param = (value: string | null) =>
  readUnsyncedParam(new URLSearchParams(value === null ? '' : `unsynced=${encodeURIComponent(value)}`));

describe('an outlet device’s unsynced report', () => {
  it('reads a socket’s age, or that nothing waits, and leaves a socket that says nothing unreported', () => {
    expect(param('600000')).toBe(600_000);
    expect(param('none')).toBeNull();
    expect(param(null)).toBeUndefined();
  });

  it('counts a change its clock puts in the future as made just now', () => {
    expect(param('-5000')).toBe(0);
    expect(unsyncedReportSchema.parse({ deviceId: 'tablet-1', oldestAgeMs: -5_000 }).oldestAgeMs).toBe(0);
  });

  it('refuses an age beyond a year either way, or one that is not a whole number of ms: a broken clock', () => {
    for (const bad of [String(MAX_UNSYNCED_AGE_MS + 1), String(-MAX_UNSYNCED_AGE_MS - 1), '1.5', 'soon', '', '9'.repeat(20)])
      expect(param(bad)).toBeUndefined();
    expect(param(String(MAX_UNSYNCED_AGE_MS))).toBe(MAX_UNSYNCED_AGE_MS);
    expect(unsyncedReportSchema.safeParse({ deviceId: 'tablet-1', oldestAgeMs: MAX_UNSYNCED_AGE_MS + 1 }).success).toBe(false);
    expect(unsyncedReportSchema.safeParse({ deviceId: 'tablet-1', oldestAgeMs: Number.NaN }).success).toBe(false);
  });

  it('needs a device id the sync socket could have named, and an age or null', () => {
    expect(unsyncedReportSchema.parse({ deviceId: 'tablet-1', oldestAgeMs: null })).toEqual({ deviceId: 'tablet-1', oldestAgeMs: null });
    expect(unsyncedReportSchema.safeParse({ deviceId: 'tablet:1', oldestAgeMs: null }).success).toBe(false);
    expect(unsyncedReportSchema.safeParse({ deviceId: 'tablet-1' }).success).toBe(false);
  });
});
