import { nextClosingTime } from '../../../shared/catalog/closingTime';
import type { OutletProfile } from '../../../shared/catalog/menu';
import { startOfLocalDay } from '../../../shared/order/board';

/** How long something lasts, as staff say it; each becomes an end time, or none. */
export type UntilChoice = { readonly kind: 'for'; readonly minutes: number } | { readonly kind: 'closing' } | { readonly kind: 'manual' };

const DAY = 24 * 60 * 60_000;

/**
 * When the outlet closes next, for "until closing"; an outlet open around the clock closes its
 * day at midnight, so the choice still ends by itself.
 */
export function closingOrEndOfDay(profile: Pick<OutletProfile, 'hours' | 'closures' | 'timezone'>, now: number): number {
  return nextClosingTime(profile, now) ?? startOfLocalDay(now) + DAY;
}

/** The end time a choice means at `now`: null for "until I turn it back on". */
export function untilOf(choice: UntilChoice, now: number, profile: Pick<OutletProfile, 'hours' | 'closures' | 'timezone'>): number | null {
  switch (choice.kind) {
    case 'for':
      return now + choice.minutes * 60_000;
    case 'closing':
      return closingOrEndOfDay(profile, now);
    case 'manual':
      return null;
  }
}

export function choiceLabel(choice: UntilChoice): string {
  switch (choice.kind) {
    case 'for':
      return choice.minutes % 60 === 0
        ? `for ${choice.minutes / 60} ${choice.minutes === 60 ? 'hour' : 'hours'}`
        : `for ${choice.minutes} min`;
    case 'closing':
      return 'until closing';
    case 'manual':
      return 'until I turn it back on';
  }
}

export const choiceKey = (choice: UntilChoice): string => (choice.kind === 'for' ? `for-${choice.minutes}` : choice.kind);

export const ITEM_CHOICES: readonly UntilChoice[] = [{ kind: 'for', minutes: 60 }, { kind: 'closing' }, { kind: 'manual' }];
export const PAUSE_CHOICES: readonly UntilChoice[] = [
  { kind: 'for', minutes: 15 },
  { kind: 'for', minutes: 30 },
  { kind: 'for', minutes: 60 },
  { kind: 'closing' },
  { kind: 'manual' },
];
/** Busy mode always ends by itself: a kitchen that forgot it would quote long times all week. */
export const BUSY_CHOICES: readonly UntilChoice[] = [
  { kind: 'for', minutes: 30 },
  { kind: 'for', minutes: 60 },
  { kind: 'for', minutes: 120 },
  { kind: 'closing' },
];
