import { describe, expect, it } from 'vitest';
import { platformSchema } from '../../../shared/api/adminPlatform';
import { placeOrder } from '../support/api';
import { appendAs } from '../support/drivers';
import { errorOf, getJson } from '../support/http';
import { MuxTestClient } from '../support/muxClient';
import { pollUntil } from '../support/poll';
import { parseSamples, sampleSum } from '../support/prometheus';
import { DELIVERY } from '../support/refusals';
import { startTestServer } from '../support/server';
import { useTestServer } from '../support/testServer';

const t = useTestServer({ DABBA_NODE_ID: 'metrics-node' });
const scrape = async (headers: Record<string, string> = {}, url = t.url) => {
  const res = await fetch(`${url}/metrics`, { headers });
  return { res, samples: parseSamples(await res.text()) };
};

describe('GET /metrics from this machine', () => {
  it('answers Prometheus text without a token, with the process metrics too', async () => {
    const { res, samples } = await scrape();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const names = new Set(samples.map((s) => s.name));
    for (const name of [
      'dabba_documents_loaded',
      'dabba_dispatch_queue_length',
      'dabba_sync_sockets',
      'dabba_presence_degraded',
      'dabba_limits_degraded',
      'process_cpu_user_seconds_total',
    ])
      expect(names).toContain(name);
  });

  it('counts this node’s signed-in devices by role and app', async () => {
    const tablet = await MuxTestClient.connect(t.url, t.outlet.token, { device: 'tablet-1', app: 'outlet' });
    const phone = await MuxTestClient.connect(t.url, t.driver.token, { device: 'phone-1', app: 'driver' });
    const { samples } = await pollUntil(scrape, (s) => sampleSum(s.samples, 'dabba_connected_devices') === 2, 'both devices counted');
    expect(sampleSum(samples, 'dabba_connected_devices', { role: 'outlet', app: 'outlet' })).toBe(1);
    expect(sampleSum(samples, 'dabba_connected_devices', { role: 'driver', app: 'driver' })).toBe(1);
    expect(sampleSum(samples, 'dabba_sync_sockets')).toBe(2);
    tablet.close();
    phone.close();
  });

  it('times commits from devices and from the server, and shows a delivery waiting for a driver', async () => {
    const before = (await scrape()).samples;
    const { orderId } = await placeOrder(t.url, DELIVERY);
    await appendAs(t.url, t.outlet, orderId, { type: 'accepted', prepMinutes: 15 });
    const { samples } = await scrape();
    const commits = (source: string, s = samples) => sampleSum(s, 'dabba_commit_duration_seconds_count', { source });
    expect(commits('device') - commits('device', before)).toBe(1);
    expect(commits('server') - commits('server', before)).toBeGreaterThanOrEqual(1);
    expect(sampleSum(samples, 'dabba_commit_duration_seconds_bucket', { source: 'device', le: '+Inf' })).toBe(commits('device'));
    // The demo driver is off shift: the accepted delivery waits, once dispatch has heard of it (its hook runs after the commit).
    await expect.poll(async () => sampleSum((await scrape()).samples, 'dabba_dispatch_queue_length')).toBe(1);
    expect(sampleSum(samples, 'dabba_documents_loaded')).toBeGreaterThan(0);
  });

  it('counts HTTP answers by route pattern and status, never by id', async () => {
    await getJson(`${t.url}/api/orders`, { token: t.driver.token });
    await fetch(`${t.url}/api/admin/users/someone`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${t.admin.token}` },
      body: '{"name":"x"}',
    });
    const { samples } = await scrape();
    expect(sampleSum(samples, 'dabba_http_requests_total', { method: 'GET', route: '/api/orders', status: '403' })).toBe(1);
    expect(sampleSum(samples, 'dabba_http_requests_total', { method: 'PATCH', route: '/api/admin/users/:id', status: '404' })).toBe(1);
    expect(samples.some((s) => s.labels.route?.includes('someone'))).toBe(false);
  });

  it('keeps each server’s numbers apart in one process', async () => {
    const other = await startTestServer();
    try {
      const { samples } = await scrape({}, other.url);
      expect(sampleSum(samples, 'dabba_http_requests_total', { route: '/api/orders' })).toBe(0);
    } finally {
      await other.close();
    }
  });
});

describe('GET /metrics through a proxy or from elsewhere', () => {
  // A proxy on this machine connects from loopback for everyone; what it adds is the forwarding header.
  const viaProxy = { 'x-forwarded-for': '203.0.113.9' };

  it('is refused with 403 when no DABBA_METRICS_TOKEN is set', async () => {
    const { res } = await scrape(viaProxy);
    expect(res.status).toBe(403);
    // From this machine directly, whatever it sends.
    expect((await scrape({ authorization: 'Bearer anything' })).res.status).toBe(200);
    const forwarded = await fetch(`${t.url}/metrics`, { headers: { forwarded: 'for=203.0.113.9' } });
    expect(forwarded.status).toBe(403);
    expect((await forwarded.json()) as unknown).toMatchObject({ error: { code: 'metrics_local_only' } });
  });

  it('needs the token when one is set, and takes it from anywhere', async () => {
    const token = 'metrics-token-for-the-test';
    const guarded = await startTestServer({ DABBA_METRICS_TOKEN: token });
    try {
      const missing = await scrape(viaProxy, guarded.url);
      expect(missing.res.status).toBe(401);
      expect(missing.res.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
      expect((await scrape({ ...viaProxy, authorization: 'Bearer not-the-token' }, guarded.url)).res.status).toBe(401);
      expect((await scrape({ ...viaProxy, authorization: `Bearer ${token}` }, guarded.url)).res.status).toBe(200);
      expect((await scrape({}, guarded.url)).res.status).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});

describe('GET /api/admin/platform', () => {
  it('gives admins the same numbers as JSON, with devices across nodes', async () => {
    const tablet = await MuxTestClient.connect(t.url, t.outlet.token, { device: 'tablet-2', app: 'outlet' });
    const read = async () => platformSchema.parse((await getJson(`${t.url}/api/admin/platform`, { token: t.admin.token })).body);
    const platform = await pollUntil(read, (p) => p.devices.length === 1, 'the tablet listed');
    expect(platform).toMatchObject({
      node: 'metrics-node',
      presence: 'ok',
      limits: 'ok',
      devices: [{ role: 'outlet', app: 'outlet', count: 1 }],
      wakeUps: { sent: 0, failed: 0 },
    });
    expect(platform.http.requests).toBeGreaterThan(0);
    expect(platform.http.clientErrors).toBeGreaterThan(0);
    expect(platform.commits.count).toBeGreaterThan(0);
    expect(platform.commits.buckets.at(-1)?.count).toBeLessThanOrEqual(platform.commits.count);
    tablet.close();
    const res = await getJson(`${t.url}/api/admin/platform`, { token: t.outlet.token });
    expect([res.status, errorOf(res)?.code]).toEqual([403, 'forbidden']);
  });
});
