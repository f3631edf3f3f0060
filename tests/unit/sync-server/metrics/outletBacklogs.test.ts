import { describe, expect, it } from 'vitest';
import { unsyncedBoundMs } from '../../../../shared/api/adminPlatform';
import { DeviceIdSchema } from '../../../../shared/api/devices';
import type { LiveDevice } from '../../../../shared/api/presence';
import { OutletIdSchema, UserIdSchema } from '../../../../shared/ids';
import { outletBacklogs } from '../../../../sync-server/metrics/outletBacklogs';
import type { DeviceContact, OutletDeviceRecords, UnsyncedReport } from '../../../../sync-server/presence/outletDeviceBook';

const KITCHEN = OutletIdSchema.parse('kitchen');
const OTHER = OutletIdSchema.parse('other');
const TABLET = DeviceIdSchema.parse('tablet-1');
const PHONE = DeviceIdSchema.parse('phone-1');
const MIN = 60_000;
const NOW = 1_000 * MIN;
const SLACK = 65_000;

const socket = (deviceId: LiveDevice['deviceId'], outletId = KITCHEN): LiveDevice => ({
  userId: UserIdSchema.parse('cook'),
  role: 'outlet',
  outletId,
  app: 'outlet',
  deviceId,
  node: 'node-a',
  connectedAt: NOW - 60 * MIN,
  lastSeenAt: NOW,
});
const report = (deviceId: typeof TABLET, oldest: UnsyncedReport['oldest'], at: number, outletId = KITCHEN): UnsyncedReport => ({
  deviceId,
  outletId,
  oldest,
  at,
});
const contact = (deviceId: typeof TABLET, at: number, outletId = KITCHEN): DeviceContact => ({ deviceId, outletId, at });

function kitchen(live: LiveDevice[], records: OutletDeviceRecords) {
  const [backlog] = outletBacklogs([KITCHEN], live, records, SLACK);
  if (!backlog) throw new Error('no backlog for the kitchen');
  return { backlog, bound: unsyncedBoundMs(backlog, NOW) };
}

describe('outletBacklogs', () => {
  it('gives the oldest change a connected device reports, which is then also the bound', () => {
    const { backlog, bound } = kitchen([socket(TABLET)], {
      reports: [report(TABLET, NOW - 12 * MIN, NOW - 2 * MIN)],
      contacts: [contact(TABLET, NOW - 60 * MIN)],
    });
    expect(backlog).toEqual({
      outletId: KITCHEN,
      connected: 1,
      unreported: 0,
      oldest: { at: NOW - 12 * MIN, deviceId: TABLET, reportedAt: NOW - 2 * MIN, connected: true },
      lastHeardAt: null,
      unseenSince: null,
    });
    expect(bound).toBe(12 * MIN);
  });

  it('says nothing waits when its connected devices report none', () => {
    const { backlog, bound } = kitchen([socket(TABLET)], { reports: [report(TABLET, 'none', NOW - MIN)], contacts: [] });
    expect(backlog.oldest).toBeNull();
    expect(bound).toBe(0);
  });

  it('cannot bound an outlet whose connected sockets say nothing of their changes', () => {
    const { backlog, bound } = kitchen([socket(TABLET), socket(null)], { reports: [report(TABLET, 'unknown', NOW)], contacts: [] });
    expect(backlog.unreported).toBe(2);
    expect(bound).toBeNull();
  });

  it('with no device connected, says since when nothing was heard and bounds by the least recently heard device', () => {
    const { backlog, bound } = kitchen([], {
      reports: [report(TABLET, 'none', NOW - 50 * MIN), report(PHONE, 'none', NOW - 40 * MIN)],
      contacts: [contact(TABLET, NOW - 30 * MIN), contact(PHONE, NOW - 20 * MIN)],
    });
    expect(backlog).toMatchObject({ connected: 0, unreported: 0, oldest: null, lastHeardAt: NOW - 20 * MIN });
    expect(backlog.unseenSince).toEqual({ at: NOW - 30 * MIN - SLACK, deviceId: TABLET });
    expect(bound).toBe(30 * MIN + SLACK);
  });

  it('keeps what a device said before it went, and counts what it may have changed since, while another is connected', () => {
    const { backlog, bound } = kitchen([socket(PHONE)], {
      reports: [report(TABLET, NOW - 90 * MIN, NOW - 80 * MIN), report(PHONE, 'none', NOW - 5 * MIN)],
      contacts: [contact(TABLET, NOW - 70 * MIN), contact(PHONE, NOW - 5 * MIN)],
    });
    expect(backlog.oldest).toEqual({ at: NOW - 90 * MIN, deviceId: TABLET, reportedAt: NOW - 80 * MIN, connected: false });
    expect(backlog.lastHeardAt).toBeNull();
    expect(backlog.unseenSince).toEqual({ at: NOW - 70 * MIN - SLACK, deviceId: TABLET });
    expect(bound).toBe(90 * MIN);
  });

  it('cannot bound an outlet none of whose devices was ever heard', () => {
    const { backlog, bound } = kitchen([], { reports: [], contacts: [] });
    expect(backlog).toMatchObject({ connected: 0, unreported: 0, oldest: null, lastHeardAt: null, unseenSince: null });
    expect(bound).toBeNull();
  });

  it('keeps each outlet to its own devices and sockets', () => {
    const backlogs = outletBacklogs(
      [KITCHEN, OTHER],
      [socket(PHONE, OTHER)],
      { reports: [report(PHONE, NOW - MIN, NOW, OTHER)], contacts: [contact(TABLET, NOW - 10 * MIN)] },
      SLACK,
    );
    expect(backlogs.map((b) => [b.outletId, b.connected, b.oldest?.deviceId ?? null, b.lastHeardAt])).toEqual([
      [KITCHEN, 0, null, NOW - 10 * MIN],
      [OTHER, 1, PHONE, null],
    ]);
  });
});
