import { describe, expect, it } from 'vitest';
import { backlogText, waitedText } from '../../../../../../client/admin/model/platform/outletBacklogText';
import { clockTime } from '../../../../../../client/common/ui/clockTime';
import type { OutletBacklog } from '../../../../../../shared/api/adminPlatform';
import { DeviceIdSchema } from '../../../../../../shared/api/devices';
import { OutletIdSchema } from '../../../../../../shared/ids';

const MIN = 60_000;
const NOW = Date.parse('2025-06-01T12:00:00Z');
const TABLET = DeviceIdSchema.parse('tabletA1b2c3d4');
const base: OutletBacklog = {
  outletId: OutletIdSchema.parse('kitchen'),
  connected: 1,
  unreported: 0,
  oldest: null,
  lastHeardAt: null,
  unseenSince: null,
};

describe('waitedText', () => {
  it('reads seconds, minutes, hours and days as a person says them', () => {
    expect(waitedText(40_000)).toBe('40 s');
    expect(waitedText(12 * MIN + 59_000)).toBe('12 min');
    expect(waitedText(185 * MIN)).toBe('3 h 5 min');
    expect(waitedText(120 * MIN)).toBe('2 h');
    expect(waitedText(52 * 60 * MIN)).toBe('2 d 4 h');
    expect(waitedText(-5)).toBe('0 s');
  });
});

describe('backlogText', () => {
  it('says nothing waits on an outlet whose connected devices report none', () => {
    expect(backlogText(base, NOW)).toEqual({ devices: '1 connected', reported: 'none', bound: 'nothing waiting', attention: false });
  });

  it('names the reported oldest change, its device and when it was reported', () => {
    const text = backlogText({ ...base, oldest: { at: NOW - 12 * MIN, deviceId: TABLET, reportedAt: NOW - MIN, connected: true } }, NOW);
    expect(text.reported).toBe(`Made ${clockTime(NOW - 12 * MIN)}, waiting 12 min, on device tablet — reported ${clockTime(NOW - MIN)}`);
    expect(text.bound).toBe('12 min — the oldest reported');
    expect(text.attention).toBe(true);
  });

  it('for an outlet gone quiet, says since when and that changes made since may be waiting, as a bound', () => {
    const text = backlogText(
      { ...base, connected: 0, lastHeardAt: NOW - 30 * MIN, unseenSince: { at: NOW - 31 * MIN, deviceId: TABLET } },
      NOW,
    );
    expect(text.devices).toBe(`None connected since ${clockTime(NOW - 30 * MIN)} (30 min)`);
    expect(text.reported).toBe('none');
    expect(text.bound).toBe(
      `31 min — changes made on device tablet since about ${clockTime(NOW - 31 * MIN)}, when it was last connected, may be waiting`,
    );
  });

  it('tells the last report of a device that has gone from a current one', () => {
    const text = backlogText(
      {
        ...base,
        connected: 0,
        lastHeardAt: NOW - 10 * MIN,
        oldest: { at: NOW - 40 * MIN, deviceId: TABLET, reportedAt: NOW - 11 * MIN, connected: false },
        unseenSince: { at: NOW - 11 * MIN, deviceId: TABLET },
      },
      NOW,
    );
    expect(text.reported).toMatch(/its last report, at .+, before it went$/);
    expect(text.bound).toBe('40 min — the oldest reported');
  });

  it('says when nobody can tell, and why', () => {
    expect(backlogText({ ...base, unreported: 1 }, NOW).bound).toBe('unknown — 1 device on an app too old to report');
    const dark = backlogText({ ...base, connected: 0 }, NOW);
    expect(dark.devices).toBe('None connected or heard from while the server kept track');
    expect(dark.bound).toBe('unknown — no device heard from');
    expect(dark.attention).toBe(true);
  });
});
