import { isTerminal } from '../../shared/order/status';
import type { TrackView } from '../../shared/track';

/** The words for a finished order: a headline that says it is over, and when, in place of the live status. */
export interface Finished {
  readonly headline: string;
  /** One more sentence: what the customer can do now, or why it ended. */
  readonly detail: string | null;
}

const lastAt = (view: TrackView, types: readonly string[]): number | null => {
  const times = view.timeline.filter((e) => types.includes(e.type)).map((e) => e.at);
  return times.length > 0 ? Math.max(...times) : null;
};

const DONE_WORD = { delivery: 'Delivered', pickup: 'Collected', 'dine-in': 'Served' } as const;

/**
 * The finished state of an order (delivered, collected, served, declined, cancelled, failed), or null while
 * it is still going: the page then drops everything live (the "Live" line, the driver, the map) for this.
 */
export function finished(view: TrackView, clock: (epochMs: number) => string): Finished | null {
  if (!isTerminal(view.status)) return null;
  const at = (types: readonly string[]): string => {
    const when = lastAt(view, types);
    return when === null ? '' : ` at ${clock(when)}`;
  };
  switch (view.status) {
    case 'delivered':
      return { headline: `${DONE_WORD[view.orderType]}${at(['delivered', 'handed_over', 'picked_up'])}`, detail: 'Enjoy your meal!' };
    case 'rejected': {
      const reason = view.details?.rejectionReason;
      return { headline: 'The restaurant declined your order', detail: reason ? `Their reason: “${reason}”` : null };
    }
    case 'cancelled':
      return { headline: `Your order was cancelled${at(['cancelled'])}`, detail: null };
    default:
      return {
        headline: 'We couldn’t deliver your order',
        detail: `Call ${view.outletName}${view.outletPhone ? ` on ${view.outletPhone}` : ''} about it.`,
      };
  }
}
