import { useEffect, useRef } from 'react';
import type { LatLng } from '../../../shared/catalog/zones';
import { MapLoadStatus } from '../../common/map/MapLoadStatus';
import { tileConfig } from '../../common/map/mapTiles';
import { useLeaflet } from '../../common/map/useLeaflet';

interface Props {
  readonly pickup: LatLng;
  readonly dropoff: LatLng;
  /** Names the places for screen readers: "Dabba Demo Kitchen" to "Residency Road". */
  readonly pickupName: string;
  readonly dropoffArea: string;
}

const TILES = tileConfig(import.meta.env);

/**
 * A glance at the trip before accepting: the outlet and the drop-off pinned, both in view. It does
 * not pan or zoom: on a card with a countdown a map that takes the thumb would only be in the way.
 * Without tiles (offline, none configured) the pins still show which way and how far apart.
 */
export function OfferMap({ pickup, dropoff, pickupName, dropoffArea }: Props) {
  const leaflet = useLeaflet();
  const L = leaflet.status === 'ready' ? leaflet.L : null;
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = container.current;
    if (!element || !L) return;
    const map = L.map(element, {
      dragging: false,
      touchZoom: false,
      doubleClickZoom: false,
      scrollWheelZoom: false,
      boxZoom: false,
      keyboard: false,
      zoomControl: false,
    });
    if (TILES.url) L.tileLayer(TILES.url, { attribution: TILES.attribution, maxZoom: 19 }).addTo(map);
    // CSS markers rather than Leaflet's image icons, which bundlers lose and which need the network.
    const pin = (className: string, size: number) =>
      L.divIcon({ className, html: '<span aria-hidden="true"></span>', iconSize: [size, size], iconAnchor: [size / 2, size / 2] });
    L.marker([pickup.lat, pickup.lng], { icon: pin('offer-map__pickup', 22), keyboard: false, interactive: false }).addTo(map);
    L.marker([dropoff.lat, dropoff.lng], { icon: pin('offer-map__dropoff', 24), keyboard: false, interactive: false }).addTo(map);
    map.fitBounds(
      L.latLngBounds([
        [pickup.lat, pickup.lng],
        [dropoff.lat, dropoff.lng],
      ]),
      { padding: [28, 28], maxZoom: 16 },
    );
    return () => {
      map.remove();
    };
  }, [L, pickup.lat, pickup.lng, dropoff.lat, dropoff.lng]);

  return (
    <figure className="offer-map">
      <div
        ref={container}
        className="offer-map__frame"
        role="img"
        aria-label={`Map: pickup at ${pickupName}, drop-off in ${dropoffArea}`}
        aria-busy={leaflet.status === 'loading'}
      />
      <figcaption className="offer-map__legend" aria-hidden="true">
        <span className="offer-map__key offer-map__key--pickup">Pickup</span>
        <span className="offer-map__key offer-map__key--dropoff">Drop-off</span>
      </figcaption>
      <MapLoadStatus state={leaflet} />
    </figure>
  );
}
