/** A place to drive to, as the order knows it. */
export interface Destination {
  readonly lat: number;
  readonly lng: number;
  readonly label: string;
}

/** Which maps app a phone opens for a link: iPhones ignore `geo:`, Android asks which app to use. */
export type MapsPlatform = 'ios' | 'android' | 'other';

const coords = (d: Destination): string => `${d.lat.toFixed(6)},${d.lng.toFixed(6)}`;

/**
 * The phone's kind, from its user agent. iPads since iPadOS 13 call themselves Macintosh; a "Mac"
 * with a touch screen is one.
 */
export function mapsPlatform(userAgent: string, maxTouchPoints = 0): MapsPlatform {
  if (/iPhone|iPad|iPod/.test(userAgent) || (/Macintosh/.test(userAgent) && maxTouchPoints > 1)) return 'ios';
  return /Android/.test(userAgent) ? 'android' : 'other';
}

/**
 * `geo:` opens the phone's own navigation app (Android asks which one); the label names the pin.
 * Coordinates rather than the address text: the customer dropped a pin, the text may be vague.
 */
export function geoUri(d: Destination): string {
  return `geo:${coords(d)}?q=${coords(d)}(${encodeURIComponent(d.label)})`;
}

/** Apple Maps with directions to the pin: what an iPhone opens for navigation. */
export function appleMapsUrl(d: Destination): string {
  return `https://maps.apple.com/?daddr=${coords(d)}`;
}

/** Google Maps directions as a universal link: the app where installed, else the web map. */
export function mapsUrl(d: Destination): string {
  return `https://www.google.com/maps/dir/?api=1&destination=${coords(d)}`;
}

/** The link behind "Navigate": one that the phone in hand opens in its navigation app. */
export function navigateUrl(d: Destination, platform: MapsPlatform): string {
  if (platform === 'ios') return appleMapsUrl(d);
  return platform === 'android' ? geoUri(d) : mapsUrl(d);
}
