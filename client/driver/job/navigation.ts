/** A place to drive to, as the order knows it. */
export interface Destination {
  readonly lat: number;
  readonly lng: number;
  readonly label: string;
}

const coords = (d: Destination): string => `${d.lat.toFixed(6)},${d.lng.toFixed(6)}`;

/**
 * `geo:` opens the phone's own navigation app (Android asks which one); the label names the pin.
 * Coordinates rather than the address text: the customer dropped a pin, the text may be vague.
 */
export function geoUri(d: Destination): string {
  return `geo:${coords(d)}?q=${coords(d)}(${encodeURIComponent(d.label)})`;
}

/** The same place as a web maps link, for phones without a `geo:` handler (iPhones, desktops). */
export function mapsUrl(d: Destination): string {
  return `https://www.google.com/maps/dir/?api=1&destination=${coords(d)}`;
}
