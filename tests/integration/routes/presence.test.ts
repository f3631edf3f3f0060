import { describe, expect, it } from 'vitest';
import { presenceListSchema } from '../../../shared/api/presence';
import { errorOf, getJson } from '../support/http';
import { MuxTestClient } from '../support/muxClient';
import { pollUntil } from '../support/poll';
import { useTestServer } from '../support/testServer';

const t = useTestServer({ DABBA_NODE_ID: 'node-1' });

const presenceAsAdmin = async () => presenceListSchema.parse((await getJson(`${t.url}/api/presence`, { token: t.admin.token })).body);

describe('GET /api/presence', () => {
  it('lists every signed-in device for an admin, with its app, device and node', async () => {
    const tablet = await MuxTestClient.connect(t.url, t.outlet.token, { device: 'tablet-1', app: 'outlet' });
    const phone = await MuxTestClient.connect(t.url, t.driver.token, { device: 'phone-1', app: 'driver' });
    const list = await pollUntil(presenceAsAdmin, (l) => l.devices.length === 2, 'both devices listed');
    expect(list.status).toBe('ok');
    expect(list.devices.map((d) => [d.role, d.app, d.deviceId, d.node]).sort()).toEqual([
      ['driver', 'driver', 'phone-1', 'node-1'],
      ['outlet', 'outlet', 'tablet-1', 'node-1'],
    ]);
    tablet.close();
    phone.close();
    await pollUntil(presenceAsAdmin, (l) => l.devices.length === 0, 'both devices gone');
  });

  it('is for admins only: 401 without a token, 403 for outlet staff and drivers', async () => {
    const anonymous = await getJson(`${t.url}/api/presence`);
    expect(anonymous.status).toBe(401);
    expect(errorOf(anonymous)?.code).toBe('unauthorized');
    for (const who of [t.outlet, t.driver]) {
      const res = await getJson(`${t.url}/api/presence`, { token: who.token });
      expect(res.status).toBe(403);
      expect(errorOf(res)?.code).toBe('forbidden');
    }
  });
});

describe('/healthz', () => {
  it('reports presence ok on a node without Redis', async () => {
    const res = await getJson<{ presence: string }>(`${t.url}/healthz`);
    expect(res.status).toBe(200);
    expect(res.body.presence).toBe('ok');
  });
});
