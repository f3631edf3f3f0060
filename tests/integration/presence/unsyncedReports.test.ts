import { describe, expect, it } from 'vitest';
import { platformSchema, type OutletBacklog } from '../../../shared/api/adminPlatform';
import { UNSYNCED_REPORT_SETTLE_MS } from '../../../shared/api/unsyncedReport';
import { errorOf, getJson, putJson } from '../support/http';
import { MuxTestClient } from '../support/muxClient';
import { pollUntil } from '../support/poll';
import { parseSamples, sampleSum } from '../support/prometheus';
import { DEMO_OUTLET } from '../support/server';
import { useTestServer } from '../support/testServer';

const KEEPALIVE_MS = 1_000;
const t = useTestServer({ DABBA_NODE_ID: 'node-under-test', DABBA_KEEPALIVE_MS: String(KEEPALIVE_MS) });
const MIN = 60_000;

/** The demo outlet's row of GET /api/admin/platform, with the reading's time. */
async function demoOutlet(): Promise<{ at: number; backlog: OutletBacklog }> {
  const res = await getJson(`${t.url}/api/admin/platform`, { token: t.admin.token });
  const platform = platformSchema.parse(res.body);
  const backlog = platform.outlets.find((o) => o.outletId === DEMO_OUTLET);
  if (!backlog) throw new Error('the demo outlet is not in the platform reading');
  return { at: platform.at, backlog };
}

const report = (oldestAgeMs: number | null, token = t.outlet.token) =>
  putJson(`${t.url}/api/presence/unsynced`, { deviceId: 'tablet-1', oldestAgeMs }, { token });

describe('an outlet device’s unsynced changes on Platform health', () => {
  it('shows the oldest change a tablet reports as it connects, then what it reports while connected, then when it was last heard', async () => {
    const tablet = await MuxTestClient.connect(t.url, t.outlet.token, { device: 'tablet-1', app: 'outlet', unsynced: String(20 * MIN) });
    const connected = await pollUntil(demoOutlet, (r) => r.backlog.connected === 1, 'the tablet connected');
    expect(connected.backlog).toMatchObject({ unreported: 0, lastHeardAt: null, unseenSince: null });
    expect(connected.backlog.oldest).toMatchObject({ deviceId: 'tablet-1', connected: true });
    // The age is put on the server's clock when the socket opened, a moment before this reading.
    expect(connected.at - (connected.backlog.oldest?.at ?? 0)).toBeGreaterThanOrEqual(20 * MIN);
    expect(connected.at - (connected.backlog.oldest?.at ?? 0)).toBeLessThan(20 * MIN + 5_000);

    const metrics = parseSamples(await (await fetch(`${t.url}/metrics`)).text());
    expect(sampleSum(metrics, 'dabba_outlet_oldest_unsynced_seconds', { outlet: DEMO_OUTLET })).toBeGreaterThanOrEqual(20 * 60);
    expect(sampleSum(metrics, 'dabba_outlet_oldest_unsynced_bound_seconds', { outlet: DEMO_OUTLET })).toBeGreaterThanOrEqual(20 * 60);

    expect((await report(2 * MIN)).status).toBe(204);
    const stuck = await demoOutlet();
    expect(stuck.at - (stuck.backlog.oldest?.at ?? 0)).toBeGreaterThanOrEqual(2 * MIN);
    expect(stuck.at - (stuck.backlog.oldest?.at ?? 0)).toBeLessThan(2 * MIN + 5_000);

    expect((await report(null)).status).toBe(204);
    expect((await demoOutlet()).backlog.oldest).toBeNull();

    const closedAt = Date.now();
    tablet.close();
    const gone = await pollUntil(demoOutlet, (r) => r.backlog.connected === 0, 'the tablet gone');
    expect(gone.backlog.lastHeardAt).toBeGreaterThanOrEqual(closedAt - 1_000);
    // Changes it made in its last moments may not have been reported: the bound starts before its last contact.
    expect(gone.backlog.unseenSince).toEqual({
      deviceId: 'tablet-1',
      at: (gone.backlog.lastHeardAt ?? 0) - 2 * KEEPALIVE_MS - UNSYNCED_REPORT_SETTLE_MS,
    });
  });

  it('counts a tablet whose socket says nothing believable about its changes as unreported, and still syncs it', async () => {
    const tablet = await MuxTestClient.connect(t.url, t.outlet.token, {
      device: 'tablet-2',
      app: 'outlet',
      unsynced: String(400 * 24 * 60 * MIN),
    });
    await tablet.open(`outlet:${DEMO_OUTLET}`);
    const { backlog } = await pollUntil(demoOutlet, (r) => r.backlog.connected === 1, 'the tablet connected');
    expect(backlog.unreported).toBe(1);
    const metrics = parseSamples(await (await fetch(`${t.url}/metrics`)).text());
    expect(metrics.some((s) => s.name === 'dabba_outlet_oldest_unsynced_bound_seconds' && s.labels.outlet === DEMO_OUTLET)).toBe(false);
    tablet.close();
    await pollUntil(demoOutlet, (r) => r.backlog.connected === 0, 'the tablet gone');
  });

  it('takes reports from outlet staff only, and refuses an age no clock could give', async () => {
    expect((await putJson(`${t.url}/api/presence/unsynced`, { deviceId: 'tablet-1', oldestAgeMs: null })).status).toBe(401);
    const driver = await report(null, t.driver.token);
    expect(driver.status).toBe(403);
    expect(errorOf(driver)?.code).toBe('forbidden');
    const absurd = await report(2 * 366 * 24 * 60 * MIN);
    expect(absurd.status).toBe(400);
    expect(errorOf(absurd)?.code).toBe('invalid_body');
  });
});
