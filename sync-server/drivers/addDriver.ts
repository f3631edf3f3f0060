import { newUserId } from '../../shared/ids';
import type { LatLng } from '../../shared/catalog/zones';
import { ok, type Result } from '../../shared/result';
import { hashPassword } from '../auth/passwords';
import { loadCatalog } from '../catalog/loadCatalog';
import { AppError } from '../errors';
import { EMAIL_TAKEN, isUniqueViolation } from '../people/emailTaken';
import type { Kysely } from 'kysely';
import { DriverRepo, type DriverRecord } from '../storage/drivers';
import type { OutletRepo } from '../storage/outletRepo';
import type { Database } from '../storage/sql/schema';
import { UserRepo } from '../storage/users';
import type { DocRegistry } from '../sync/docRegistry';

export interface NewAgent {
  readonly name: string;
  readonly phone: string;
  readonly email?: string | undefined;
  readonly password?: string | undefined;
  readonly capacity?: number | undefined;
  readonly position?: LatLng | undefined;
  /** On shift at once (the delivery API's agents), or not until they say so in the app; default true. */
  readonly onShift?: boolean | undefined;
}

export interface AddDriverDeps {
  readonly sql: Kysely<Database>;
  readonly users: UserRepo;
  readonly drivers: DriverRepo;
  readonly outlets: OutletRepo;
  readonly registry: DocRegistry;
}

/** Never matches a scrypt hash: an agent added without a password cannot sign in to the app. */
const NO_PASSWORD = '!none';

/** Where an agent without a position stands: the first outlet that has a location, so they are within its reach. */
async function firstOutletLocation(deps: AddDriverDeps): Promise<LatLng | null> {
  for (const { id } of await deps.outlets.list()) {
    try {
      const { profile } = await loadCatalog(deps.registry, id);
      return { lat: profile.lat, lng: profile.lng };
    } catch (err: unknown) {
      if (!(err instanceof AppError)) throw err;
    }
  }
  return null;
}

/**
 * `POST /delivery` (the second seed's "add a delivery agent"): a driver account, on shift at once with a
 * declared position, as the seed's agents were available until they went off shift. With an email and
 * password the agent can also sign in to the driver app.
 */
export async function addDriver(deps: AddDriverDeps, agent: NewAgent, now: number): Promise<Result<DriverRecord, 'email_taken'>> {
  const id = newUserId();
  const email = agent.email ?? `agent-${id}@agents.dabba.local`;
  if (await deps.users.findByEmail(email)) return EMAIL_TAKEN;
  const passwordHash = agent.password ? await hashPassword(agent.password) : NO_PASSWORD;
  const at = agent.position ?? (await firstOutletLocation(deps));
  try {
    await deps.sql.transaction().execute(async (trx) => {
      await new UserRepo(trx).insert({ id, email, name: agent.name, role: 'driver', outletId: null, passwordHash });
      await new DriverRepo(trx).insert(
        {
          id,
          phone: agent.phone,
          capacity: agent.capacity ?? 2,
          onShift: agent.onShift ?? true,
          position: at ? { lat: at.lat, lng: at.lng, at: now, accuracy: null, declared: true } : null,
        },
        now,
      );
    });
  } catch (err: unknown) {
    if (isUniqueViolation(err)) return EMAIL_TAKEN;
    throw err;
  }
  const made = await deps.drivers.get(id);
  // Inserted in the transaction above: a missing row is a broken store, not a refusal.
  if (!made) throw new Error(`The new driver ${id} could not be read back.`);
  return ok(made);
}
