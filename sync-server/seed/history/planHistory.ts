import type { Catalog } from '../../../shared/catalog/outletDoc';
import { openState } from '../../../shared/catalog/openingHours';
import type { OutletId } from '../../../shared/ids';
import { nextZonedDay, startOfZonedDay, utcOffsetMs } from '../../../shared/zonedTime';
import { HOURLY_DEMAND, PEAK_SHARE, TYPE_MIX, WEEKDAY_DEMAND } from './demand';
import type { PastOrder } from './historyWriter';
import { planBasket } from './planBasket';
import { planTimeline, type DriverPool, type Staff } from './planTimeline';
import type { Random } from './random';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface HistoryOutlet {
  readonly id: OutletId;
  readonly catalog: Catalog;
  readonly staff: Staff;
}

export interface HistoryPlan {
  readonly days: number;
  /** An average weekday's orders at one outlet. */
  readonly ordersPerDay: number;
  /** Nothing may happen after this: every order of the history is finished by then. */
  readonly until: number;
}

const DEMAND_TOTAL = HOURLY_DEMAND.reduce((sum, w) => sum + w, 0);
const PEAK_DEMAND = Math.max(...HOURLY_DEMAND);

/**
 * The orders of `days` local days up to `until` at each outlet, oldest first, each with its basket and
 * what happened after (only while the outlet is open). Orders that would not have finished by `until`
 * are left out: history holds no open work.
 */
export function planHistory(rng: Random, plan: HistoryPlan, outlets: readonly HistoryOutlet[], pool: DriverPool): PastOrder[] {
  const orders: PastOrder[] = [];
  const sorted = [...outlets].sort((a, b) => (a.id < b.id ? -1 : 1));
  const firstDay = Math.min(...sorted.map((o) => startOfZonedDay(plan.until - plan.days * DAY, o.catalog.profile.timezone)));
  for (let day = firstDay; day < plan.until; day += DAY) {
    // The whole day's arrivals at every outlet first, then each in time order: drivers serve them as they come.
    const arrivals = sorted.flatMap((outlet) => arrivalsOfDay(rng, plan, outlet, day));
    for (const { outlet, placedAt, peak } of arrivals.sort((a, b) => a.placedAt - b.placedAt)) {
      const order = planOrder(rng, outlet, placedAt, peak, pool);
      if (order && (order.events.at(-1)?.at ?? placedAt) < plan.until) orders.push(order);
    }
  }
  return orders.sort((a, b) => a.placedAt - b.placedAt);
}

interface Arrival {
  readonly outlet: HistoryOutlet;
  readonly placedAt: number;
  readonly peak: boolean;
}

/** When orders arrive at one outlet on the local day around `day`: a count per hour drawn around its demand. */
function arrivalsOfDay(rng: Random, plan: HistoryPlan, outlet: HistoryOutlet, day: number): Arrival[] {
  const tz = outlet.catalog.profile.timezone;
  const midnight = startOfZonedDay(day + 2 * HOUR, tz);
  const length = nextZonedDay(midnight, tz) - midnight;
  const weekday = new Date(midnight + utcOffsetMs(midnight, tz)).getUTCDay();
  const arrivals: Arrival[] = [];
  for (let hour = 0; hour * HOUR < length; hour += 1) {
    const demand = HOURLY_DEMAND[hour] ?? 0;
    const count = rng.poisson((plan.ordersPerDay * demand * (WEEKDAY_DEMAND[weekday] ?? 1)) / DEMAND_TOTAL);
    for (let i = 0; i < count; i += 1)
      arrivals.push({ outlet, placedAt: Math.round(midnight + hour * HOUR + rng.next() * HOUR), peak: demand >= PEAK_SHARE * PEAK_DEMAND });
  }
  return arrivals;
}

function planOrder(rng: Random, outlet: HistoryOutlet, placedAt: number, peak: boolean, pool: DriverPool): PastOrder | null {
  const { profile, menu, availability } = outlet.catalog;
  if (!openState(profile, placedAt).open) return null;
  const type = rng.weighted(TYPE_MIX.filter(([t]) => profile.orderTypes.includes(t)));
  const onSale = { ...menu, items: menu.items.filter((item) => availability.get(item.id)?.available !== false) };
  const request = planBasket(rng, outlet.id, profile, onSale, type);
  if (!request) return null;
  const events = planTimeline(
    rng,
    { type, placedAt, peak, lines: request.items.length, outlet: profile, dropoff: request.address ?? null },
    outlet.staff,
    pool,
  );
  return { request, placedAt, events: events.sort((a, b) => a.at - b.at) };
}
