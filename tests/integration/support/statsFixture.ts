import { afterAll, beforeAll } from 'vitest';
import type { DabbaServer } from '../../../sync-server/app';
import { login, type Session } from './api';
import { OutletIdSchema, type OrderId, type UserId } from '../../../shared/ids';
import { SYSTEM_ID } from '../../../shared/roles';
import { loadConfig } from '../../../sync-server/config';
import { openHistoryWriter, type PastEvent, type PastOrder } from '../../../sync-server/seed/history/historyWriter';
import { seedDemo } from '../../../sync-server/seed/seedDemo';
import { A_KM_AWAY } from './drivers';
import { DEMO_OUTLET, startTestServer, storageEnv, tempDataDir } from './server';

const MINUTE = 60_000;
/** Local midnight of 1 May 2024 at the demo outlet (Asia/Kolkata, UTC+5:30). */
export const MAY_1 = Date.parse('2024-05-01T00:00:00+05:30');
export const DAY = 24 * 60 * MINUTE;
/** An instant as "HH:MM" on the wall clock of the demo outlet, `day` days after 1 May. */
export const ist = (hhmm: string, day = 0): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return MAY_1 + day * DAY + ((h ?? 0) * 60 + (m ?? 0)) * MINUTE;
};

const customer = { name: 'Asha', phone: '+91 98450 00001' };
const base = { outletId: OutletIdSchema.parse(DEMO_OUTLET), customer, payment: { method: 'cash' } } as const;
const DROPOFF = { text: '5 Church Street', ...A_KM_AWAY };

export interface StatsFixture {
  readonly dataDir: string;
  readonly driverId: UserId;
  /** In the order they were placed: pickup, late delivery, rejected, cancelled, dine-in, failed delivery (next day). */
  readonly orders: readonly OrderId[];
}

/**
 * Six orders of the demo outlet over 1–2 May 2024 with hand-picked times, written through the same
 * paths as seed:history, into the storage of a new DATA_DIR (as a test server on it finds it) with the demo accounts. The numbers they must give are
 * worked out by hand in the tests that read them.
 */
export async function writeStatsFixture(dataDir: string): Promise<StatsFixture> {
  const w = await openHistoryWriter(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...(await storageEnv(dataDir)) }));
  try {
    await seedDemo(w);
    const cook = await w.users.findByEmail('outlet@dabba.local');
    const rider = await w.users.findByEmail('driver@dabba.local');
    if (!cook || !rider) throw new Error('the demo accounts are missing');
    const k = { id: cook.id, role: 'outlet' } as const;
    const d = { id: rider.id, role: 'driver' } as const;
    const assigned = (at: number): PastEvent => ({ type: 'assigned', at, by: { id: SYSTEM_ID, role: 'system' }, driverId: rider.id });
    const orders: PastOrder[] = [
      {
        request: {
          ...base,
          type: 'pickup',
          items: [{ itemId: 'plain-dosa', qty: 2 }],
          customer: { name: '=HYPERLINK("x")', phone: '+91 98450 00002' },
        },
        placedAt: ist('12:10'),
        events: [
          { type: 'accepted', at: ist('12:12'), by: k, prepMinutes: 15 },
          { type: 'ready', at: ist('12:25'), by: k },
          { type: 'handed_over', at: ist('12:30'), by: k },
        ],
      },
      {
        request: {
          ...base,
          type: 'delivery',
          items: [{ itemId: 'thali', qty: 1, modifiers: [{ groupId: 'size', optionId: 'regular' }] }],
          address: DROPOFF,
        },
        placedAt: ist('13:05'),
        events: [
          { type: 'accepted', at: ist('13:09'), by: k, prepMinutes: 20 },
          assigned(ist('13:20')),
          { type: 'ready', at: ist('13:33'), by: k },
          { type: 'picked_up', at: ist('13:36'), by: d },
          { type: 'delivered', at: ist('13:50'), by: d },
        ],
      },
      {
        request: {
          ...base,
          type: 'delivery',
          items: [{ itemId: 'thali', qty: 1, modifiers: [{ groupId: 'size', optionId: 'large' }] }],
          address: DROPOFF,
        },
        placedAt: ist('19:40'),
        events: [{ type: 'rejected', at: ist('19:42'), by: k, reason: 'Kitchen too busy' }],
      },
      {
        request: {
          ...base,
          type: 'pickup',
          items: [{ itemId: 'filter-coffee', qty: 1 }],
          customer: { name: 'Rao, "Ravi"\nJunior', phone: '080 2222 3333' },
        },
        placedAt: ist('20:15'),
        events: [
          { type: 'accepted', at: ist('20:16'), by: k, prepMinutes: 10 },
          { type: 'cancelled', at: ist('20:20'), by: k, reason: 'Customer asked to cancel' },
        ],
      },
      {
        request: {
          ...base,
          type: 'dine-in',
          table: 'T4',
          items: [
            { itemId: 'filter-coffee', qty: 1 },
            { itemId: 'bisi-bele-bath', qty: 1 },
          ],
        },
        placedAt: ist('20:50'),
        events: [
          { type: 'accepted', at: ist('20:53'), by: k, prepMinutes: 15 },
          { type: 'ready', at: ist('21:03'), by: k },
          { type: 'handed_over', at: ist('21:05'), by: k },
        ],
      },
      {
        request: { ...base, type: 'delivery', items: [{ itemId: 'bisi-bele-bath', qty: 2 }], address: DROPOFF },
        placedAt: ist('12:30', 1),
        events: [
          { type: 'accepted', at: ist('12:31', 1), by: k, prepMinutes: 15 },
          assigned(ist('12:35', 1)),
          { type: 'ready', at: ist('12:44', 1), by: k },
          { type: 'picked_up', at: ist('12:46', 1), by: d },
          { type: 'failed', at: ist('13:10', 1), by: d, reason: 'Address not found' },
        ],
      },
    ];
    const ids: OrderId[] = [];
    for (const order of orders) ids.push(await w.write(order));
    return { dataDir, driverId: rider.id, orders: ids };
  } finally {
    await w.close();
  }
}

export interface FixtureServer {
  readonly server: DabbaServer;
  readonly admin: Session;
  readonly fixture: StatsFixture;
}

/** The real server on a DATA_DIR holding the fixture, for one test file, with the demo admin signed in. */
export function useFixtureServer(): FixtureServer {
  let started: FixtureServer | null = null;
  const get = (): FixtureServer => {
    if (!started) throw new Error('the fixture server is not started yet: use it inside a test or hook');
    return started;
  };
  beforeAll(async () => {
    const fixture = await writeStatsFixture(tempDataDir('fixture'));
    const server = await startTestServer({ DATA_DIR: fixture.dataDir });
    started = { server, fixture, admin: await login(server.url, 'admin') };
  });
  afterAll(() => started?.server.close());
  return {
    get server() {
      return get().server;
    },
    get admin() {
      return get().admin;
    },
    get fixture() {
      return get().fixture;
    },
  };
}
