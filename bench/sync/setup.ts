import { BenchDevice, type DeviceListener } from './device';

export interface Session {
  readonly token: string;
  readonly userId: string;
  readonly role: string;
}

async function json<T>(res: Response, what: string): Promise<T> {
  if (!res.ok) throw new Error(`${what} failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** POST /api/auth/login with a demo account. */
export async function login(baseUrl: string, email: string, password = 'dabba-demo'): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = await json<{ token: string; user: { id: string; role: string } }>(res, `login as ${email}`);
  return { token: body.token, userId: body.user.id, role: body.user.role };
}

interface MenuItem {
  id: string;
  price: number;
  available?: boolean;
  modifierGroups?: { min: number }[];
}

/** A drop-off inside the demo outlet's central zone, and an order value over every zone's minimum (minor units). */
const DROPOFF = { text: '22 Residency Rd', lat: 12.968, lng: 77.6 };
const DELIVERY_VALUE = 30_000;

/**
 * Creates `count` orders at the first outlet through POST /api/orders, pickup by default, or delivery to a
 * drop-off in the demo outlet's zone; returns their document names.
 */
export async function createOrders(
  baseUrl: string,
  count: number,
  concurrency = 8,
  type: 'pickup' | 'delivery' = 'pickup',
): Promise<string[]> {
  const outlets = await json<{ id: string }[]>(await fetch(`${baseUrl}/api/outlets`), 'GET /api/outlets');
  const outletId = outlets[0]?.id;
  if (!outletId) throw new Error('the server has no outlet (is DABBA_DEMO on?)');
  const menu = await json<{ items: MenuItem[] }>(await fetch(`${baseUrl}/api/outlets/${outletId}/menu`), 'GET menu');
  const item = menu.items.find((i) => i.available !== false && (i.modifierGroups ?? []).every((g) => g.min === 0));
  if (!item) throw new Error(`outlet ${outletId} has no orderable item without required modifiers`);
  const body = JSON.stringify({
    outletId,
    type,
    items: [{ itemId: item.id, qty: type === 'delivery' ? Math.max(1, Math.ceil(DELIVERY_VALUE / item.price)) : 1 }],
    customer: { name: 'Bench', phone: '+91 98450 00000' },
    ...(type === 'delivery' ? { address: DROPOFF } : {}),
    payment: { method: 'cash' },
  });
  const names: string[] = new Array<string>(count);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const i = next++;
      const res = await fetch(`${baseUrl}/api/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const { orderId } = await json<{ orderId: string }>(res, 'POST /api/orders');
      names[i] = `order:${orderId}`;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return names;
}

/**
 * Which devices hold which document: subscribers[d] lists the device indexes of document d.
 * Every document gets `subsPerDoc` distinct devices and the devices share the load evenly.
 */
export function assignSubscribers(devices: number, docs: number, subsPerDoc: number): number[][] {
  const subscribers: number[][] = Array.from({ length: docs }, () => []);
  for (let slot = 0; slot < docs * subsPerDoc; slot++) subscribers[Math.floor(slot / subsPerDoc)]?.push(slot % devices);
  return subscribers;
}

/** Runs `task` over `items`, `batch` at a time, so the server sees a steady ramp and not a thundering herd. */
async function inBatches<T>(
  items: readonly T[],
  batch: number,
  task: (item: T) => Promise<void>,
  progress: (done: number) => void,
): Promise<void> {
  for (let start = 0; start < items.length; start += batch) {
    await Promise.all(items.slice(start, start + batch).map(task));
    progress(Math.min(items.length, start + batch));
  }
}

/** The server (index into the list of URLs) device `device` connects to, out of `servers`: round-robin. */
export const serverOf = (device: number, servers: number): number => device % servers;

/** Opens `count` device sockets, `batch` at a time; device i goes to `baseUrls[serverOf(i, baseUrls.length)]`. */
export async function connectDevices(
  baseUrls: readonly string[],
  token: string,
  count: number,
  batch: number,
  listener: DeviceListener,
  progress: (done: number) => void,
): Promise<BenchDevice[]> {
  const devices: BenchDevice[] = new Array<BenchDevice>(count);
  const indexes = Array.from({ length: count }, (_, i) => i);
  await inBatches(
    indexes,
    batch,
    async (i) => {
      devices[i] = await BenchDevice.connect(baseUrls[serverOf(i, baseUrls.length)] ?? '', token, i, listener);
    },
    progress,
  );
  return devices;
}

/** Subscribes every device to its documents (SYNC step1 → step2), `batch` subscriptions at a time. */
export async function subscribeDevices(
  devices: readonly BenchDevice[],
  docs: readonly string[],
  subscribers: readonly (readonly number[])[],
  batch: number,
  progress: (done: number) => void,
): Promise<void> {
  const pairs: { device: BenchDevice; doc: string }[] = [];
  subscribers.forEach((list, d) => {
    const doc = docs[d];
    for (const i of list) {
      const device = devices[i];
      if (device && doc) pairs.push({ device, doc });
    }
  });
  await inBatches(pairs, batch, ({ device, doc }) => device.subscribe(doc), progress);
}
