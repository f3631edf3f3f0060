/**
 * `npm run seed:history [-- --days 21 --orders-per-day 50 --seed 1 --again]`: weeks of realistic past
 * orders at every outlet of DATA_DIR (the demo outlet and accounts are made first on an empty one),
 * for demos and the admin app's charts. Stop the server first: it would not see what is written under it.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../sync-server/config';
import { seedHistory } from '../sync-server/seed/history/seedHistory';

const argsSchema = z.object({
  days: z.coerce.number().int().min(1).max(92).default(21),
  'orders-per-day': z.coerce.number().int().min(1).max(2000).default(50),
  seed: z.coerce.number().int().min(0).default(1),
  again: z.boolean().default(false),
});

const { values } = parseArgs({
  options: { days: { type: 'string' }, 'orders-per-day': { type: 'string' }, seed: { type: 'string' }, again: { type: 'boolean' } },
});
const args = argsSchema.parse(values);
const config = loadConfig();

/** A server answering on the configured port is most likely this data dir's: writing under it would fork its documents. */
async function serverRunning(): Promise<boolean> {
  try {
    const res = await fetch(`http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}/healthz`, {
      signal: AbortSignal.timeout(1000),
    });
    return res.ok;
  } catch {
    return false;
  }
}

if (await serverRunning()) {
  console.error(`A server answers on port ${config.port}. Stop it first: it would not see the history written under it.`);
  process.exit(1);
}
const started = Date.now();
const result = await seedHistory(config, {
  days: args.days,
  ordersPerDay: args['orders-per-day'],
  seed: args.seed,
  until: started,
  again: args.again,
});
if (!result.ok) {
  console.error(`${result.error.message}${result.error.code === 'already_seeded' ? ' Add --again to add another.' : ''}`);
  process.exit(1);
}
const { orders, outlets, drivers } = result.value;
console.log(
  `Wrote ${orders} orders over ${args.days} days at ${outlets} outlet(s), ${drivers} drivers, into ${config.dataDir} in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
);
