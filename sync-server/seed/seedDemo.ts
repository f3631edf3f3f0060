import { newUserId, OutletIdSchema } from '../../shared/ids';
import { writeCatalog } from '../../shared/catalog/outletDoc';
import type { Kysely } from 'kysely';
import { hashPassword } from '../auth/passwords';
import type { DriverRepo } from '../storage/drivers';
import type { OutletRepo } from '../storage/outletRepo';
import { oneAtATime } from '../storage/sql/oneAtATime';
import type { Database } from '../storage/sql/schema';
import type { UserRepo } from '../storage/users';
import type { DocRegistry } from '../sync/docRegistry';
import { DEMO_MENU, DEMO_OUTLET } from './demoCatalog';

export const DEMO_PASSWORD = 'dabba-demo';
export const DEMO_EMAILS = ['admin@dabba.local', 'outlet@dabba.local', 'driver@dabba.local'] as const;

/** The advisory lock of the demo seed, so nodes starting at once on one empty database seed it once ("dabbaSD"). */
const DEMO_SEED_LOCK = 0x64616262615344n;

export interface SeedDeps {
  readonly sql: Kysely<Database>;
  readonly users: UserRepo;
  readonly outlets: OutletRepo;
  readonly drivers: DriverRepo;
  readonly registry: DocRegistry;
}

/**
 * On an empty data dir (no users yet): the demo outlet with its menu and one account per role; true if
 * this call seeded them. Nodes starting at once on one PostgreSQL look and seed one at a time, so one
 * seeds and the others find its accounts (a second seeder would fail on the unique e-mail, and write
 * the outlet's catalog twice).
 */
export function seedDemo(deps: SeedDeps): Promise<boolean> {
  return oneAtATime(deps.sql, DEMO_SEED_LOCK, () => seedEmpty(deps));
}

/**
 * The demo driver starts off shift, standing at the outlet (a declared position, so going on shift in
 * the app is enough to get offers there, GPS or not).
 */
async function seedEmpty({ users, outlets, drivers, registry }: SeedDeps): Promise<boolean> {
  if ((await users.count()) > 0) return false;
  const outletId = OutletIdSchema.parse(DEMO_OUTLET.id);
  await registry.withDoc({ kind: 'outlet', outletId }, (doc) => doc.change((y) => writeCatalog(y, DEMO_OUTLET, DEMO_MENU)));
  await outlets.upsert(outletId, DEMO_OUTLET.name);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await users.insert({ id: newUserId(), email: 'admin@dabba.local', name: 'Asha Admin', role: 'admin', outletId: null, passwordHash });
  await users.insert({ id: newUserId(), email: 'outlet@dabba.local', name: 'Kitchen Staff', role: 'outlet', outletId, passwordHash });
  const driverId = newUserId();
  await users.insert({ id: driverId, email: 'driver@dabba.local', name: 'Ravi Kumar', role: 'driver', outletId: null, passwordHash });
  const now = Date.now();
  await drivers.insert(
    {
      id: driverId,
      phone: '+91 98450 22222',
      capacity: 2,
      onShift: false,
      position: { lat: DEMO_OUTLET.lat, lng: DEMO_OUTLET.lng, at: now, accuracy: null, declared: true },
    },
    now,
  );
  return true;
}
