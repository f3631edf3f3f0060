import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { dispatchMap, type DispatchEntry } from '../../../shared/adminDispatch';
import { ADMIN_INBOX } from '../../../shared/docNames';
import type { OrderId } from '../../../shared/ids';
import type { DabbaServer } from '../../../sync-server/app';
import { loginAll, type DemoSessions } from '../support/api';
import {
  A_KM_AWAY,
  acceptedDelivery,
  acceptOffer,
  addDriver,
  appendAs,
  declineOffer,
  NEAR_OUTLET,
  offersOf,
  setShift,
} from '../support/drivers';
import { MuxTestClient } from '../support/muxClient';
import { startTestServer, tempDataDir } from '../support/server';
import { eventually } from '../support/stockClient';

let server: DabbaServer;
let s: DemoSessions;
let desk: MuxTestClient;
let inbox: Y.Doc;

beforeEach(async () => {
  server = await startTestServer({ DATA_DIR: tempDataDir() });
  s = await loginAll(server.url);
  desk = await MuxTestClient.connect(server.url, s.admin.token);
  inbox = await desk.open(ADMIN_INBOX);
});
afterEach(async () => {
  desk.close();
  await server.close();
});

const entryOf = (orderId: OrderId): DispatchEntry | undefined => dispatchMap(inbox).get(orderId);
const until = (check: () => boolean, what: string) => eventually(check, 10_000, what);

describe('the dispatch mirror in inbox:admin', () => {
  it('shows admins the offer in flight with its driver and deadline, and each driver who declined, with what they said', async () => {
    const asha = await addDriver(server.url, s.admin, 'Asha', NEAR_OUTLET);
    const bala = await addDriver(server.url, s.admin, 'Bala', A_KM_AWAY);
    const orderId = await acceptedDelivery(server.url, s.outlet);
    await until(() => entryOf(orderId)?.offer?.driverId === asha.id, 'the offer to Asha in the mirror');
    const first = entryOf(orderId);
    expect(first).toMatchObject({ orderId, passes: [], waitingSince: null, offer: { driverName: 'Asha' } });
    expect(first?.offer?.expiresAt).toBe(offersOf(asha).get(orderId)?.expiresAt);

    expect((await declineOffer(server.url, asha, orderId, 'tyre puncture')).status).toBe(204);
    await until(() => entryOf(orderId)?.offer?.driverId === bala.id, 'the offer moving on to Bala');
    expect(entryOf(orderId)?.passes).toEqual([
      { driverId: asha.id, driverName: 'Asha', reason: 'declined', said: 'tyre puncture', at: expect.any(Number) as number },
    ]);

    expect((await acceptOffer(server.url, bala, orderId)).status).toBe(200);
    await until(() => entryOf(orderId) === undefined, 'the entry to go once Bala has it');
  });

  it('takes the entry away in one change when the driver accepts, with no step where the order shows no offer', async () => {
    const asha = await addDriver(server.url, s.admin, 'Asha', NEAR_OUTLET);
    const orderId = await acceptedDelivery(server.url, s.outlet);
    await until(() => entryOf(orderId)?.offer?.driverId === asha.id, 'the offer to Asha in the mirror');
    const seen: (DispatchEntry | undefined)[] = [];
    const watch = (): void => {
      seen.push(entryOf(orderId));
    };
    dispatchMap(inbox).observe(watch);
    expect((await acceptOffer(server.url, asha, orderId)).status).toBe(200);
    await until(() => entryOf(orderId) === undefined, 'the entry to go once Asha has it');
    await server.hooksSettled();
    dispatchMap(inbox).unobserve(watch);
    expect(seen).toEqual([undefined]);
  });

  it('says since when nobody could be offered a delivery, and offers it as soon as a driver comes on shift', async () => {
    const chen = await addDriver(server.url, s.admin, 'Chen', NEAR_OUTLET);
    await setShift(server.url, chen.session, false);
    const orderId = await acceptedDelivery(server.url, s.outlet);
    await until(() => typeof entryOf(orderId)?.waitingSince === 'number', 'the order waiting with nobody to offer it to');
    expect(entryOf(orderId)?.offer).toBeNull();
    await setShift(server.url, chen.session, true);
    await until(() => entryOf(orderId)?.offer?.driverName === 'Chen', 'the offer once Chen is on shift');
    expect(entryOf(orderId)?.waitingSince).toBeNull();
  });

  it('takes the entry away when an admin assigns by hand, and records who an admin took off an order and why', async () => {
    const asha = await addDriver(server.url, s.admin, 'Asha', NEAR_OUTLET);
    const bala = await addDriver(server.url, s.admin, 'Bala', A_KM_AWAY);
    const orderId = await acceptedDelivery(server.url, s.outlet);
    await until(() => entryOf(orderId)?.offer?.driverId === asha.id, 'the offer to Asha');
    await appendAs(server.url, s.admin, orderId, { type: 'assigned', driverId: bala.id });
    await until(() => entryOf(orderId) === undefined, 'the entry to go with the assignment by hand');

    await appendAs(server.url, s.admin, orderId, { type: 'unassigned', driverId: bala.id, reason: 'Bike broke down' });
    await until(() => entryOf(orderId)?.offer?.driverId === asha.id, 'the order offered again, not to Bala');
    expect(entryOf(orderId)?.passes).toEqual([
      { driverId: bala.id, driverName: 'Bala', reason: 'unassigned', said: 'Bike broke down', at: expect.any(Number) as number },
    ]);

    await appendAs(server.url, s.outlet, orderId, { type: 'cancelled', reason: 'Customer asked to cancel' });
    await until(() => entryOf(orderId) === undefined, 'the entry to go with the cancel');
  });
});
