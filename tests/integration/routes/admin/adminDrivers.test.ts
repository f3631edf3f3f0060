import { describe, expect, it } from 'vitest';
import { adminDriverListSchema } from '../../../../shared/api/adminDrivers';
import { A_KM_AWAY, acceptedDelivery, addDriverAccount, appendAs, reportPosition } from '../../support/drivers';
import { errorOf, getJson } from '../../support/http';
import { MuxTestClient } from '../../support/muxClient';
import { pollUntil } from '../../support/poll';
import { useTestServer } from '../../support/testServer';

const t = useTestServer();

const driversAsAdmin = async () =>
  adminDriverListSchema.parse((await getJson(`${t.url}/api/admin/drivers`, { token: t.admin.token })).body);

describe('GET /api/admin/drivers', () => {
  it('lists every driver with shift, load, the newest position and whether their app is connected', async () => {
    const kiran = await addDriverAccount(t.url, t.admin, 'Kiran Rao', A_KM_AWAY, 3);
    const before = (await driversAsAdmin()).drivers.find((d) => d.id === kiran.user.id);
    expect(before).toMatchObject({ name: 'Kiran Rao', onShift: true, capacity: 3, activeOrders: [], connected: false });
    expect(before?.position).toMatchObject(A_KM_AWAY);

    const phone = await MuxTestClient.connect(t.url, kiran.token, { device: 'phone-k', app: 'driver' });
    const measured = { lat: 12.98, lng: 77.6 };
    await reportPosition(t.url, kiran, measured);
    const orderId = await acceptedDelivery(t.url, t.outlet);
    await appendAs(t.url, t.admin, orderId, { type: 'assigned', driverId: kiran.user.id });
    // The list reads the order index, which a projection brings up to date just after the commit is acknowledged.
    const after = await pollUntil(
      async () => (await driversAsAdmin()).drivers.find((d) => d.id === kiran.user.id),
      (driver) => driver?.activeOrders.includes(orderId) === true,
      'the assignment in the driver list',
    );
    expect(after).toMatchObject({ connected: true, activeOrders: [orderId], position: measured });
    phone.close();
  });

  it('is for admins only: 401 without a token, 403 for outlet staff and drivers', async () => {
    expect((await getJson(`${t.url}/api/admin/drivers`)).status).toBe(401);
    for (const who of [t.outlet, t.driver]) {
      const res = await getJson(`${t.url}/api/admin/drivers`, { token: who.token });
      expect(res.status).toBe(403);
      expect(errorOf(res)?.code).toBe('forbidden');
    }
  });
});
