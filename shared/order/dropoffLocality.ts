import type { LatLng } from '../catalog/zones';
import type { OrderHeader } from './header';

/** Two decimals of a degree: about a kilometre, a neighbourhood rather than a door. */
const coarse = (degrees: number): string => degrees.toFixed(2);

const coarsePin = ({ lat, lng }: LatLng): string => `Near ${coarse(lat)}, ${coarse(lng)}`;

/**
 * Where a delivery goes, as anyone holding the tracking link may see it: the name of the delivery zone
 * its pin fell in, or (orders priced before zones were recorded) the pin rounded to about a kilometre.
 * Never the customer's address text, which may hold a name, a phone number or a door; null when the
 * order is not a delivery.
 */
export function dropoffLocality(header: OrderHeader): string | null {
  if (header.type !== 'delivery' || !header.address) return null;
  return header.deliveryZone ?? coarsePin(header.address);
}
