/**
 * What a few weeks at a city kitchen look like: when people order, how often things go wrong and why.
 * Numbers from the first seed's restaurant chain (lunch and dinner peaks, ~1,500 orders on its busiest
 * day across outlets), scaled to one outlet.
 */

/** Relative demand per local hour, 0–23: a lunch peak at 13:00 and a taller dinner peak at 20:00. */
export const HOURLY_DEMAND: readonly number[] = [
  0.3, 0.1, 0, 0, 0, 0, 0.1, 0.4, 1, 1.3, 1, 1.8, 4.5, 5.5, 3.2, 1.4, 1.1, 1.6, 2.8, 5, 6, 4.2, 1.8, 0.8,
];

/** Busier on Friday, Saturday and Sunday; index 0 = Sunday. */
export const WEEKDAY_DEMAND: readonly number[] = [1.25, 0.85, 0.9, 0.95, 1, 1.2, 1.35];

/** Hours whose demand is at least this share of the busiest hour's are peak hours: slower kitchens, more refusals. */
export const PEAK_SHARE = 0.6;

export const TYPE_MIX = [
  ['delivery', 0.65],
  ['pickup', 0.25],
  ['dine-in', 0.1],
] as const;

export const RATES = {
  /** The outlet turns it down. */
  rejected: 0.035,
  rejectedAtPeak: 0.06,
  /** Cancelled after acceptance, before pickup. */
  cancelled: 0.04,
  /** A delivery the driver could not complete. */
  failed: 0.012,
  /** Outlets mark an order "preparing"; many go straight to ready. */
  preparing: 0.7,
  /** A kitchen running late says so. */
  delayAnnounced: 0.6,
} as const;

export const REJECT_REASONS = [
  ['Kitchen too busy', 4],
  ['Item out of stock', 3],
  ['Closing soon', 1],
  ['Outside our delivery area', 1],
] as const;

export const CANCEL_REASONS = [
  ['outlet', 'Customer asked to cancel', 4],
  ['outlet', 'Customer unreachable', 2],
  ['outlet', 'Ran out of an ingredient', 2],
  ['admin', 'Duplicate order', 1],
  ['admin', 'No driver available', 1],
] as const;

export const FAIL_REASONS = [
  ['Customer not at the address', 3],
  ['Address not found', 2],
  ['Customer refused the order', 1],
] as const;

export const CUSTOMER_NAMES = [
  'Aarav Shah',
  'Ananya Iyer',
  'Rohan Mehta',
  'Priya Nair',
  'Vikram Rao',
  'Sneha Kulkarni',
  'Arjun Reddy',
  'Kavya Menon',
  'Ishaan Gupta',
  'Meera Pillai',
  'Aditya Joshi',
  'Divya Hegde',
  'Karthik Subramanian',
  'Nisha Thomas',
  'Farhan Sheikh',
  'Lakshmi Narayan',
] as const;

export const STREETS = [
  'MG Road',
  'Brigade Road',
  'Church Street',
  'Residency Road',
  'Richmond Road',
  'Lavelle Road',
  'Cunningham Road',
] as const;

/** Drivers the history adds when the data dir has fewer than four, so deliveries overlap as they do on a real evening. */
export const HISTORY_DRIVERS = [
  ['Meena Das', '+91 98450 31001'],
  ['Arif Khan', '+91 98450 31002'],
  ['Sunil Gowda', '+91 98450 31003'],
] as const;
