import type * as Y from 'yjs';
import { driverInboxName, orderDocName } from '../../shared/docNames';
import { newEventId, OrderIdSchema, UserIdSchema } from '../../shared/ids';
import { inboxMap, offersMap } from '../../shared/inbox';
import { eventsArray } from '../../shared/order/orderDoc';
import { PipelineDevice } from './device';
import { inParallel, login, postJson, type RoundRobin, type Session } from './http';
import type { PipelineTracker } from './tracker';

/** Around the demo outlet (12.9756, 77.6066): a few hundred metres apart, all well within reach. */
const OUTLET = { lat: 12.9756, lng: 77.6066 };
const PASSWORD = 'a-bench-driver-password';
const SETUP_CONCURRENCY = 8;

function positionOf(i: number): { lat: number; lng: number } {
  const angle = (i * 137.5 * Math.PI) / 180;
  const r = 0.001 + 0.003 * ((i % 10) / 10);
  return { lat: OUTLET.lat + r * Math.cos(angle), lng: OUTLET.lng + r * Math.sin(angle) };
}

interface Driver {
  readonly session: Session;
  readonly device: PipelineDevice;
  readonly inbox: Y.Doc;
}

/**
 * Simulated drivers, each with the driver app's socket holding their inbox. An offer that appears is
 * accepted at once over HTTP (`POST /api/driver/offers/:id/accept`); once the order is listed in their
 * inbox (as the app waits for it) the driver opens it,
 * waits for the outlet's `ready`, and appends `picked_up` and `delivered` with a photo's hash as proof
 * (a driver's delivery needs the customer's code or a proof; no photo is uploaded).
 */
/** Stands for a doorstep photo's SHA-256. */
const BENCH_PROOF = 'b'.repeat(64);

export class BenchDrivers {
  private constructor(private readonly drivers: readonly Driver[]) {}

  /** Adds `count` drivers through the delivery API, signs them in, reports a measured position and puts them on shift. */
  static async start(nodes: RoundRobin, admin: Session, count: number, capacity: number, tracker: PipelineTracker): Promise<BenchDrivers> {
    const sessions: Session[] = new Array<Session>(count);
    const stamp = Date.now().toString(36);
    await inParallel(count, SETUP_CONCURRENCY, async (i) => {
      const email = `bench-driver-${stamp}-${i}@bench.dabba.local`;
      const body = { name: `Bench driver ${i + 1}`, phone: '+91 90000 00000', email, password: PASSWORD, capacity, ...positionOf(i) };
      const made = await postJson(`${nodes.pick()}/delivery`, body, admin.token);
      if (made.status !== 201) throw new Error(`POST /delivery failed: ${made.status} ${made.text}`);
      const session = await login(nodes.pick(), email, PASSWORD);
      const at = Date.now();
      const located = await postJson(
        `${nodes.pick()}/api/driver/locations`,
        { points: [{ ...positionOf(i), at, accuracy: 10 }] },
        session.token,
      );
      if (located.status !== 204) throw new Error(`POST /api/driver/locations failed: ${located.status} ${located.text}`);
      const shift = await postJson(`${nodes.pick()}/api/driver/shift`, { onShift: true }, session.token);
      if (shift.status !== 200) throw new Error(`POST /api/driver/shift failed: ${shift.status} ${shift.text}`);
      sessions[i] = session;
    });
    const drivers: Driver[] = new Array<Driver>(count);
    await inParallel(count, SETUP_CONCURRENCY * 4, async (i) => {
      const session = sessions[i];
      if (!session) throw new Error(`driver ${i} was not set up`);
      const device = await PipelineDevice.connect(nodes.at(i), session.token, `driver ${i + 1}`);
      const inbox = await device.subscribe(driverInboxName(UserIdSchema.parse(session.userId)));
      const driver = { session, device, inbox };
      drivers[i] = driver;
      watchOffers(inbox, (orderId) => void deliver(nodes, driver, orderId, tracker));
    });
    return new BenchDrivers(drivers);
  }

  get connected(): number {
    return this.drivers.filter((d) => d.device.open).length;
  }

  async close(): Promise<void> {
    await Promise.all(this.drivers.map((d) => d.device.close()));
  }
}

/** Calls `offered` for every offer added to the inbox after it was opened. */
function watchOffers(inbox: Y.Doc, offered: (orderId: string) => void): void {
  const offers = offersMap(inbox);
  offers.observe((event) => {
    for (const [key, change] of event.changes.keys) if (change.action === 'add') offered(key);
  });
}

/** Resolves once the driver's inbox lists the order: the app opens an order when it appears there. */
function listed(inbox: Y.Doc, orderId: string): Promise<void> {
  const orders = inboxMap(inbox);
  if (orders.has(orderId)) return Promise.resolve();
  return new Promise((resolve) => {
    const check = (): void => {
      if (!orders.has(orderId)) return;
      orders.unobserve(check);
      resolve();
    };
    orders.observe(check);
  });
}

/** Resolves once the order's events hold one of type `type`. */
function eventSeen(doc: Y.Doc, type: string): Promise<void> {
  const events = eventsArray(doc);
  const has = (): boolean => events.toArray().some((e) => e instanceof Object && 'type' in e && e.type === type);
  if (has()) return Promise.resolve();
  return new Promise((resolve) => {
    const check = (): void => {
      if (!has()) return;
      events.unobserve(check);
      resolve();
    };
    events.observe(check);
  });
}

async function deliver(nodes: RoundRobin, driver: Driver, orderId: string, tracker: PipelineTracker): Promise<void> {
  tracker.mark(orderId, 'offered');
  if (tracker.reached(orderId, 'assigned')) return; // offered again after it was taken: counted, not taken twice
  const by = { id: driver.session.userId, role: 'driver' };
  const name = orderDocName(OrderIdSchema.parse(orderId));
  let stage = 'driver accept';
  try {
    const answer = await postJson(`${nodes.pick()}/api/driver/offers/${orderId}/accept`, {}, driver.session.token);
    if (answer.status !== 200) throw new Error(`${answer.status} ${answer.text}`);
    tracker.mark(orderId, 'assigned');
    stage = 'driver inbox';
    await listed(driver.inbox, orderId);
    stage = 'driver open';
    const doc = await driver.device.subscribe(name);
    stage = 'driver wait ready';
    await eventSeen(doc, 'ready');
    stage = 'driver picked_up';
    await driver.device.append(name, { id: newEventId(), type: 'picked_up', at: Date.now(), by });
    tracker.mark(orderId, 'pickedUp');
    stage = 'driver delivered';
    await driver.device.append(name, { id: newEventId(), type: 'delivered', at: Date.now(), by, proof: BENCH_PROOF });
    tracker.mark(orderId, 'delivered');
  } catch (err: unknown) {
    tracker.error(stage, err);
  } finally {
    driver.device.unsubscribe(name);
  }
}
