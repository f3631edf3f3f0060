import { readCatalog } from '../../../shared/catalog/outletDoc';
import { fail, ok, type Result } from '../../../shared/result';
import type { Config } from '../../config';
import { addDriver } from '../../drivers/addDriver';
import { seedDemo } from '../seedDemo';
import { HISTORY_DRIVERS } from './demand';
import { openHistoryWriter, type HistoryWriter } from './historyWriter';
import { planHistory, type HistoryOutlet } from './planHistory';
import { DriverPool } from './planTimeline';
import { Random } from './random';

const META_KEY = 'history_seeded';
const MIN_DRIVERS = 4;

export interface SeedHistoryOptions {
  readonly days: number;
  readonly ordersPerDay: number;
  readonly seed: number;
  /** The history ends here (normally now); every order in it has finished by then. */
  readonly until: number;
  /** Add another history to a data dir that already has one. */
  readonly again: boolean;
}

export interface SeededHistory {
  readonly orders: number;
  readonly outlets: number;
  readonly drivers: number;
}

export type HistoryRefusal = 'already_seeded' | 'no_outlets' | 'no_admin';

export type HistoryConfig = Pick<
  Config,
  'dataDir' | 'sqliteSync' | 'databaseUrl' | 'compactEvery' | 'logLevel' | 'demo' | 'inboxRetentionMs'
>;

/** The outlets whose documents hold a catalog, with who answers their orders in the history. */
async function historyOutlets(w: HistoryWriter): Promise<Result<HistoryOutlet[], 'no_outlets' | 'no_admin'>> {
  const people = await w.users.list();
  const admin = people.find((u) => u.role === 'admin')?.id;
  if (!admin) return fail('no_admin', 'The data dir has no admin account.');
  const outlets: HistoryOutlet[] = [];
  for (const { id } of await w.outlets.list()) {
    const catalog = await w.registry.withDoc({ kind: 'outlet', outletId: id }, (doc) => readCatalog(doc.ydoc));
    const staff = people.find((u) => u.role === 'outlet' && u.outletId === id)?.id ?? admin;
    if (catalog) outlets.push({ id, catalog, staff: { outlet: staff, admin } });
  }
  return outlets.length > 0 ? ok(outlets) : fail('no_outlets', 'The data dir has no outlet with a menu.');
}

/** Drivers to share the history's deliveries: the data dir's, and a few more (who cannot sign in) when it has fewer than four. */
async function historyDrivers(w: HistoryWriter, now: number): Promise<DriverPool> {
  for (const [name, phone] of HISTORY_DRIVERS.slice(0, Math.max(0, MIN_DRIVERS - (await w.drivers.all()).length))) {
    const made = await addDriver(w, { name, phone, onShift: false }, now);
    if (!made.ok) throw new Error(`adding ${name} failed: ${made.error.message}`);
  }
  const drivers = (await w.drivers.all()).sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
  return new DriverPool(drivers.map((d) => d.id));
}

/**
 * `npm run seed:history`: weeks of past orders at every outlet, written as real order documents through
 * the server's own placing and projections, so stats, the CSV export and the apps read them as they
 * would real ones. The same seed plans the same orders and timings (ids are random). For a stopped
 * server's DATA_DIR: a running one would not see what is written under it.
 */
export async function seedHistory(config: HistoryConfig, options: SeedHistoryOptions): Promise<Result<SeededHistory, HistoryRefusal>> {
  const w = await openHistoryWriter(config);
  try {
    if (config.demo) await seedDemo(w);
    const seeded = await w.sql.selectFrom('meta').select('value').where('key', '=', META_KEY).executeTakeFirst();
    if (seeded && !options.again) return fail('already_seeded', `This data dir already has a seeded history (${seeded.value}).`);
    const outlets = await historyOutlets(w);
    if (!outlets.ok) return outlets;
    const pool = await historyDrivers(w, options.until);
    const plan = planHistory(new Random(options.seed), options, outlets.value, pool);
    for (const order of plan) await w.write(order);
    // Devices hold a day of finished orders through their inboxes, as on a server that ran through it.
    await w.pruneInboxes(options.until - config.inboxRetentionMs);
    const note = JSON.stringify({ seed: options.seed, days: options.days, orders: plan.length, at: new Date(options.until).toISOString() });
    await w.sql
      .insertInto('meta')
      .values({ key: META_KEY, value: note })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: note }))
      .execute();
    return ok({ orders: plan.length, outlets: outlets.value.length, drivers: (await w.drivers.all()).length });
  } finally {
    await w.close();
  }
}
