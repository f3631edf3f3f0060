import { newEventId } from '../../../shared/ids';
import { BenchDevice } from '../../sync/device';
import type { Session } from '../../sync/setup';
import { AckWaiter } from './ackWaiter';

/** Who writes the hours the offline device misses, and through which node each of them is connected. */
export interface HistoryWriters {
  readonly outlet: { readonly session: Session; readonly url: string };
  readonly admin: { readonly session: Session; readonly url: string };
  readonly driver: { readonly session: Session; readonly url: string };
}

type Step = { readonly writer: keyof HistoryWriters; readonly data: (driverId: string) => Record<string, unknown> };

/**
 * A shift's worth of one delivery order, in the order people do it: the kitchen accepts and cooks, an
 * admin assigns the driver, the driver picks it up and delivers, with notes along the way.
 */
const STEPS: readonly Step[] = [
  { writer: 'outlet', data: () => ({ type: 'accepted', prepMinutes: 20 }) },
  { writer: 'outlet', data: () => ({ type: 'preparing' }) },
  { writer: 'admin', data: (driverId) => ({ type: 'assigned', driverId }) },
  { writer: 'admin', data: () => ({ type: 'note', text: 'Customer called: extra napkins, and please ring the bell twice.' }) },
  { writer: 'outlet', data: () => ({ type: 'ready' }) },
  { writer: 'outlet', data: () => ({ type: 'note', text: 'Packed in two bags; the curry is sealed separately.' }) },
  { writer: 'driver', data: () => ({ type: 'picked_up' }) },
  { writer: 'driver', data: () => ({ type: 'note', text: 'At the gate, the guard is calling up.' }) },
  { writer: 'driver', data: () => ({ type: 'delivered' }) },
];

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Subscribes `device` to `docs`, `batch` at a time, retrying a refusal (a driver's access follows the assignment). */
async function subscribeAll(device: BenchDevice, docs: readonly string[], batch = 50, attempts = 50): Promise<void> {
  for (let start = 0; start < docs.length; start += batch) {
    await Promise.all(
      docs.slice(start, start + batch).map(async (doc) => {
        for (let attempt = 1; ; attempt += 1) {
          try {
            await device.subscribe(doc);
            return;
          } catch (err: unknown) {
            if (attempt >= attempts || !device.open) throw err;
            await sleep(100);
          }
        }
      }),
    );
  }
}

/**
 * Writes the history of every order in `docs` through the writers' devices, one step at a time over all
 * orders, each update waited for until ACKed. Returns the number of updates written.
 */
export async function writeHistory(writers: HistoryWriters, docs: readonly string[], log: (line: string) => void): Promise<number> {
  const acks = new AckWaiter();
  const connect = (who: keyof HistoryWriters, index: number): Promise<BenchDevice> =>
    BenchDevice.connect(writers[who].url, writers[who].session.token, index, acks);
  const devices = { outlet: await connect('outlet', 0), admin: await connect('admin', 1), driver: await connect('driver', 2) };
  const driverId = writers.driver.session.userId;
  const subscribed = new Set<keyof HistoryWriters>();
  let written = 0;
  try {
    for (const step of STEPS) {
      // Each writer opens the orders before its first step: the driver may hold them only once assigned.
      if (!subscribed.has(step.writer)) {
        await subscribeAll(devices[step.writer], docs);
        subscribed.add(step.writer);
      }
      const session = writers[step.writer].session;
      await Promise.all(
        docs.map((doc) =>
          acks.append(devices[step.writer], doc, {
            id: newEventId(),
            at: Date.now(),
            by: { id: session.userId, role: session.role },
            ...step.data(driverId),
          }),
        ),
      );
      written += docs.length;
      log(`history: ${String(step.data(driverId).type)} by ${step.writer} on ${docs.length} orders`);
    }
  } finally {
    await Promise.all(Object.values(devices).map((d) => d.close()));
  }
  return written;
}
