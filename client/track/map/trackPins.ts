import type { TrackView } from '../../../shared/track';
import { driverNews } from '../delivery';

export type PinKind = 'outlet' | 'dropoff' | 'driver';

export interface Pin {
  readonly kind: PinKind;
  readonly lat: number;
  readonly lng: number;
  /** What the pin is, in words: the marker's title and part of the map's accessible name. */
  readonly label: string;
}

/**
 * What the tracking map shows: the restaurant and the drop-off while a delivery is under way, and the
 * driver between them once they have it. Empty when there is nothing to show on a map.
 */
export function trackPins(view: TrackView, driverStale = false): Pin[] {
  const pins: Pin[] = [];
  const fixed = view.details?.pins;
  if (fixed) {
    pins.push({ kind: 'outlet', ...fixed.outlet, label: view.outletName });
    pins.push({ kind: 'dropoff', ...fixed.dropoff, label: 'your drop-off' });
  }
  const news = driverNews(view);
  if (news?.position)
    pins.push({
      kind: 'driver',
      lat: news.position.lat,
      lng: news.position.lng,
      label: `${news.firstName}’s ${driverStale ? 'last known ' : ''}position`,
    });
  return pins;
}

/** South-west and north-east corners around every pin, as Leaflet takes bounds; null without pins. */
export function pinBounds(pins: readonly Pin[]): [[number, number], [number, number]] | null {
  if (pins.length === 0) return null;
  const lats = pins.map((p) => p.lat);
  const lngs = pins.map((p) => p.lng);
  return [
    [Math.min(...lats), Math.min(...lngs)],
    [Math.max(...lats), Math.max(...lngs)],
  ];
}

/** The map's accessible name, saying what is on it: "Map with Dabba Kitchen, your drop-off and Ravi’s position". */
export function mapLabel(pins: readonly Pin[]): string {
  const names = pins.map((p) => p.label);
  const last = names.pop();
  return `Map with ${names.length > 0 ? `${names.join(', ')} and ${last ?? ''}` : (last ?? 'nothing on it yet')}`;
}
