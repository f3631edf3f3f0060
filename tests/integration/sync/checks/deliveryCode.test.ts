import { beforeAll, describe, expect, it } from 'vitest';
import { driverInboxName, orderDocName, outletInboxName, trackDocName } from '../../../../shared/docNames';
import { newEventId, type OrderId, type OutletId, type TrackingToken } from '../../../../shared/ids';
import { DELIVERY_CODE_MAX_TRIES, deliveryCodeMatches } from '../../../../shared/order/deliveryCode';
import { eventsArray, readOrder } from '../../../../shared/order/orderDoc';
import { MuxType } from '../../../../shared/protocol/muxMessages';
import { readTrack } from '../../../../shared/track';
import { authorOf, placeOrder, PICKUP_ORDER, type Session } from '../../support/api';
import { addDriver, appendAs, NEAR_OUTLET, type TestDriver } from '../../support/drivers';
import { postJson } from '../../support/http';
import { MuxTestClient } from '../../support/muxClient';
import { DELIVERY } from '../../support/refusals';
import { eventually } from '../../support/stockClient';
import { useTestServer } from '../../support/testServer';

const t = useTestServer();
let asha: TestDriver;

interface CodedOrder {
  readonly orderId: OrderId;
  readonly token: TrackingToken;
  /** The code as the customer's tracking page shows it. */
  readonly code: string;
}

/** A delivery placed, accepted, given to Asha and picked up by her; its code read from the tracking projection. */
async function pickedUpDelivery(): Promise<CodedOrder> {
  const { orderId, trackingUrl } = await placeOrder(t.url, DELIVERY);
  const token = trackingUrl.split('/track/')[1] as TrackingToken;
  const assigned = await postJson(`${t.url}/newdelivery`, { orderId }, { token: t.admin.token });
  expect(assigned.body).toMatchObject({ driverId: asha.id });
  await appendAs(t.url, t.outlet, orderId, { type: 'accepted', prepMinutes: 10 });
  await appendAs(t.url, asha.session, orderId, { type: 'picked_up' });
  const viewer = await MuxTestClient.connect(t.url, null);
  const track = await viewer.open(trackDocName(token));
  await eventually(() => readTrack(track)?.status === 'picked_up', 10_000, 'the tracking projection');
  const code = readTrack(track)?.deliveryCode ?? null;
  viewer.close();
  expect(code).toMatch(/^\d{4}$/);
  return { orderId, token, code: code ?? '' };
}

/** What the server answers to `session` appending events (hand-built, not through the app's rules) to the order. */
async function append(session: Session, orderId: OrderId, events: readonly Record<string, unknown>[]): Promise<string> {
  const name = orderDocName(orderId);
  const client = await MuxTestClient.connect(t.url, session.token);
  try {
    await client.open(name);
    const stamped = events.map((data) => ({ id: newEventId(), at: Date.now(), by: authorOf(session), ...data }));
    const answer = await client.propose(name, (d) => eventsArray(d).push(stamped));
    return answer.type === MuxType.REJECT ? answer.code : 'ack';
  } finally {
    client.close();
  }
}

async function statusOf(orderId: OrderId): Promise<string | undefined> {
  const client = await MuxTestClient.connect(t.url, t.admin.token);
  const status = readOrder(await client.open(orderDocName(orderId)))?.state.status;
  client.close();
  return status;
}

/** Everything a device of `session` syncs about the order, as text: the order document and its inbox. */
async function heldText(session: Session, orderId: OrderId, inbox: string): Promise<string> {
  const client = await MuxTestClient.connect(t.url, session.token);
  const order = await client.open(orderDocName(orderId));
  const list = await client.open(inbox);
  const text = JSON.stringify([order.toJSON(), list.toJSON()]);
  client.close();
  return text;
}

beforeAll(async () => {
  asha = await addDriver(t.url, t.admin, 'Asha', NEAR_OUTLET);
});

describe('delivery codes', () => {
  it('shows the code on the tracking link only, and gives the driver’s and outlet’s devices just its salted hash', async () => {
    const { orderId, code } = await pickedUpDelivery();
    const outletId = DELIVERY.outletId as OutletId;
    for (const text of [
      await heldText(asha.session, orderId, driverInboxName(asha.id)),
      await heldText(t.outlet, orderId, outletInboxName(outletId)),
    ]) {
      expect(text).not.toContain(`"${code}"`);
    }
    const client = await MuxTestClient.connect(t.url, asha.session.token);
    const header = readOrder(await client.open(orderDocName(orderId)))?.header;
    client.close();
    expect(header?.deliveryCode).toMatchObject({
      salt: expect.stringMatching(/^[0-9a-f]{32}$/),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    // The device can check a code offline against what it holds.
    expect(header?.deliveryCode && deliveryCodeMatches(orderId, header.deliveryCode, code)).toBe(true);
  });

  it('refuses a driver’s delivered with a wrong code, or with neither code nor photo, and takes the right code', async () => {
    const { orderId, token, code } = await pickedUpDelivery();
    const wrong = code === '0000' ? '1111' : '0000';
    expect(await append(asha.session, orderId, [{ type: 'delivered', code: wrong }])).toBe('delivery_code');
    expect(await append(asha.session, orderId, [{ type: 'delivered' }])).toBe('delivery_code');
    expect(await statusOf(orderId)).toBe('picked_up');
    // Wrong tries recorded by the phone, then the right code, in one offline batch.
    expect(await append(asha.session, orderId, [{ type: 'delivery_code_failed' }, { type: 'delivered', code }])).toBe('ack');
    expect(await statusOf(orderId)).toBe('delivered');
    const viewer = await MuxTestClient.connect(t.url, null);
    const track = await viewer.open(trackDocName(token));
    await eventually(() => readTrack(track)?.status === 'delivered', 10_000, 'delivered on the tracking link');
    expect(readTrack(track)?.deliveryCode).toBeNull();
    expect(readTrack(track)?.timeline.map((e) => e.type)).not.toContain('delivery_code_failed');
    viewer.close();
  });

  it('refuses even the right code once the tries are spent, and still takes a photo proof', async () => {
    const { orderId, code } = await pickedUpDelivery();
    const failures = Array.from({ length: DELIVERY_CODE_MAX_TRIES }, () => ({ type: 'delivery_code_failed' }));
    expect(await append(asha.session, orderId, failures)).toBe('ack');
    expect(await append(asha.session, orderId, [{ type: 'delivered', code }])).toBe('delivery_code');
    expect(await append(asha.session, orderId, [{ type: 'delivered', proof: 'a'.repeat(64) }])).toBe('ack');
    expect(await statusOf(orderId)).toBe('delivered');
  });

  it('gives pickup orders no code, on the order or the tracking link', async () => {
    const { orderId, trackingUrl } = await placeOrder(t.url, PICKUP_ORDER);
    const client = await MuxTestClient.connect(t.url, t.outlet.token);
    expect(readOrder(await client.open(orderDocName(orderId)))?.header.deliveryCode).toBeUndefined();
    const track = await client.open(trackDocName(trackingUrl.split('/track/')[1] as TrackingToken));
    await eventually(() => readTrack(track) !== null, 10_000, 'the tracking projection');
    expect(readTrack(track)?.deliveryCode).toBeNull();
    client.close();
  });
});
