import type { TrackView } from '../../shared/track';

/**
 * The honest word about a placed order the restaurant has not answered, when the server knows why
 * (sync-server/outletWatch): its tablets are offline, or it has been slow to answer.
 */
export function outletWaitingText(view: TrackView): string | null {
  if (view.status !== 'placed') return null;
  switch (view.outletWaiting) {
    case 'offline':
      return "The restaurant's tablet is offline, so they have not seen your order yet. We have paused new orders there and are reaching them; you can also call them.";
    case 'slow':
      return 'The restaurant has not confirmed your order yet. We have reminded them; you can also call them.';
    default:
      return null;
  }
}
