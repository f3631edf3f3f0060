import { distanceMeters, type LatLng } from '../../../../shared/catalog/zones';
import { distanceText } from '../../../common/ui/distanceText';
import type { LocationStatus } from '../location/locationTracker';

/**
 * "To pickup" on an offer, from this phone's own latest fix. Before the first fix there is no
 * distance to give: the server's figure then comes from a declared position (the seed, an admin's
 * entry) and once said "0 m" to a driver across town. So it says what is going on instead.
 */
export function pickupDistanceText(pickup: LatLng, position: LatLng | null, location: LocationStatus): string {
  if (position) return distanceText(distanceMeters(position, pickup));
  if (location.state === 'denied') return 'Unknown: location is blocked';
  if (location.state === 'unsupported') return 'Unknown: no location on this phone';
  return 'Locating…';
}
