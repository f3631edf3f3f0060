import type * as Y from 'yjs';
import { driverInboxName, orderDocName } from '../../../shared/docNames';
import { newEventId, type OrderId, type UserId } from '../../../shared/ids';
import { offersMap, type Offer } from '../../../shared/inbox';
import { eventsArray } from '../../../shared/order/orderDoc';
import { MuxType } from '../../../shared/protocol/muxMessages';
import { authorOf, placeOrder, type Session } from './api';
import { postJson } from './http';
import { MuxTestClient } from './muxClient';
import { DELIVERY } from './refusals';
import { DEMO_PASSWORD } from './server';

/** Positions around the demo outlet (12.9756, 77.6066), nearest first. */
export const NEAR_OUTLET = { lat: 12.976, lng: 77.607 };
export const A_KM_AWAY = { lat: 12.9846, lng: 77.6066 };
export const TWO_KM_AWAY = { lat: 12.9936, lng: 77.6066 };

export interface TestDriver {
  readonly session: Session;
  readonly id: UserId;
  readonly name: string;
  /** The driver's phone, subscribed to their inbox document. */
  readonly device: MuxTestClient;
  readonly inbox: Y.Doc;
  /** Every offer that appeared in this driver's inbox, in the order they appeared. */
  readonly offered: Offer[];
}

let counter = 0;

/** Signs in a driver account by email (the demo login helper knows only the three demo accounts). */
export async function loginAs(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await postJson<Session>(`${baseUrl}/api/auth/login`, { email, password });
  if (res.status !== 200) throw new Error(`login failed for ${email}: ${res.status}`);
  return res.body;
}

/** A driver's phone: subscribed to its inbox, recording every offer that appears in it. */
export async function connectDriver(baseUrl: string, session: Session, name: string): Promise<TestDriver> {
  const id = session.user.id as UserId;
  const device = await MuxTestClient.connect(baseUrl, session.token);
  const doc = await device.open(driverInboxName(id));
  const offers = offersMap(doc);
  const offered: Offer[] = [...offers.values()];
  offers.observe((event) => {
    for (const [key, change] of event.changes.keys) {
      const offer = offers.get(key);
      if (change.action !== 'delete' && offer) offered.push(offer);
    }
  });
  return { session, id, name, device, inbox: doc, offered };
}

/** Adds a driver through the delivery API (on shift, declared at `position`) and signs them in; their phone stays off. */
export async function addDriverAccount(
  baseUrl: string,
  admin: Session,
  name: string,
  position: { lat: number; lng: number } = NEAR_OUTLET,
  capacity = 2,
): Promise<Session> {
  const email = `driver-${++counter}-${Date.now()}@test.dabba.local`;
  const res = await postJson<{ id: string }>(
    `${baseUrl}/delivery`,
    { name, phone: '+91 90000 00000', email, password: 'a-driver-password', capacity, ...position },
    { token: admin.token },
  );
  if (res.status !== 201) throw new Error(`POST /delivery failed: ${res.status} ${JSON.stringify(res.body)}`);
  return loginAs(baseUrl, email, 'a-driver-password');
}

/**
 * Adds a driver through the delivery API (on shift, at `position`), signs them in and connects their
 * phone. Names sort in the order drivers are added, so ties in the fair queue are easy to predict.
 */
export async function addDriver(
  baseUrl: string,
  admin: Session,
  name: string,
  position: { lat: number; lng: number } = NEAR_OUTLET,
  capacity = 2,
): Promise<TestDriver> {
  return connectDriver(baseUrl, await addDriverAccount(baseUrl, admin, name, position, capacity), name);
}

/** The driver's phone reports where it was at `at` (device time), as the app does on shift. */
export async function reportPosition(
  baseUrl: string,
  session: Session,
  position: { lat: number; lng: number },
  at = Date.now(),
): Promise<void> {
  const res = await fetch(`${baseUrl}/api/driver/locations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ points: [{ ...position, at, accuracy: 10 }] }),
  });
  if (res.status !== 204) throw new Error(`POST /api/driver/locations failed: ${res.status}`);
}

export const offersOf = (driver: TestDriver): Map<string, Offer> => new Map(offersMap(driver.inbox).entries());

/** Who was offered `orderId`, in the order the offers were made (by the server's offeredAt). */
export const offerSequence = (drivers: readonly TestDriver[], orderId: OrderId): string[] =>
  drivers
    .flatMap((d) => d.offered.filter((o) => o.orderId === orderId).map((o) => ({ name: d.name, at: o.offeredAt })))
    .sort((a, b) => a.at - b.at)
    .map((o) => o.name);

/** Places a cash delivery to Residency Rd (about 1 km from the outlet) and has the outlet accept it. */
export async function acceptedDelivery(baseUrl: string, outlet: Session, order: object = DELIVERY): Promise<OrderId> {
  const { orderId } = await placeOrder(baseUrl, order);
  await appendAs(baseUrl, outlet, orderId, { type: 'accepted', prepMinutes: 15 });
  return orderId;
}

/** Appends an event to an order as `session` over the sync socket, as the apps do; throws unless it was accepted. */
export async function appendAs(
  baseUrl: string,
  session: Session,
  orderId: OrderId,
  event: Record<string, unknown>,
  at = Date.now(),
): Promise<void> {
  const name = orderDocName(orderId);
  const client = await MuxTestClient.connect(baseUrl, session.token);
  try {
    await client.open(name);
    const answer = await client.change(name, (d) => eventsArray(d).push([{ id: newEventId(), at, by: authorOf(session), ...event }]));
    if (answer.type === MuxType.REJECT) throw new Error(`${String(event.type)} rejected: ${answer.code} ${answer.message}`);
  } finally {
    client.close();
  }
}

export async function setShift(baseUrl: string, session: Session, onShift: boolean): Promise<void> {
  const res = await postJson(`${baseUrl}/api/driver/shift`, { onShift }, { token: session.token });
  if (res.status !== 200) throw new Error(`shift change failed: ${res.status}`);
}

export const acceptOffer = (baseUrl: string, driver: TestDriver, orderId: OrderId) =>
  postJson<{ orderId?: string; error?: { code: string } }>(
    `${baseUrl}/api/driver/offers/${orderId}/accept`,
    {},
    { token: driver.session.token },
  );

export async function declineOffer(
  baseUrl: string,
  driver: TestDriver,
  orderId: OrderId,
  reason?: string,
): Promise<{ status: number; body: string }> {
  const res = await fetch(`${baseUrl}/api/driver/offers/${orderId}/decline`, {
    method: 'POST',
    headers: { authorization: `Bearer ${driver.session.token}`, 'content-type': 'application/json' },
    ...(reason === undefined ? {} : { body: JSON.stringify({ reason }) }),
  });
  return { status: res.status, body: await res.text() };
}
