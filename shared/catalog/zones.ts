import type { DeliveryZone } from './menu';

export interface LatLng {
  readonly lat: number;
  readonly lng: number;
}

/** Ray casting on [lat, lng] pairs; a city-sized polygon is flat enough for this. Points on an edge may fall either way. */
export function insidePolygon(point: LatLng, polygon: readonly (readonly [number, number])[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i];
    const b = polygon[j];
    if (!a || !b) continue;
    const [latA, lngA] = a;
    const [latB, lngB] = b;
    if (lngA > point.lng !== lngB > point.lng && point.lat < ((latB - latA) * (point.lng - lngA)) / (lngB - lngA) + latA) inside = !inside;
  }
  return inside;
}

/** The first zone (in the outlet's order) that contains the point, or null when none does. */
export function zoneFor(zones: readonly DeliveryZone[], point: LatLng): DeliveryZone | null {
  return zones.find((zone) => insidePolygon(point, zone.polygon)) ?? null;
}

/** Great-circle distance in metres (haversine). */
export function distanceMeters(a: LatLng, b: LatLng): number {
  const R = 6_371_000;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}
