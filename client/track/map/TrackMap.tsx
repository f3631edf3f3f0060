import type { Map as LeafletMap, Marker } from 'leaflet';
import { useEffect, useRef } from 'react';
import { MapLoadStatus } from '../../common/map/MapLoadStatus';
import { tileConfig } from '../../common/map/mapTiles';
import { useLeaflet } from '../../common/map/useLeaflet';
import { mapLabel, pinBounds, type Pin, type PinKind } from './trackPins';

const TILES = tileConfig(import.meta.env);
/** Close enough to see the streets when the pins are near each other, never so close a pin sits on the edge. */
const MAX_ZOOM = 16;
const PADDING: [number, number] = [36, 36];

/** CSS markers rather than Leaflet's image icons, which bundlers lose and which need the network. */
const ICONS: Readonly<Record<PinKind, { readonly className: string; readonly size: [number, number]; readonly anchor: [number, number] }>> =
  {
    outlet: { className: 'track-pin track-pin--outlet', size: [24, 24], anchor: [12, 12] },
    dropoff: { className: 'track-pin track-pin--dropoff', size: [30, 30], anchor: [15, 15] },
    driver: { className: 'map-driver', size: [28, 28], anchor: [14, 14] },
  };

const title = (pin: Pin): string => pin.label.charAt(0).toUpperCase() + pin.label.slice(1);

/**
 * The restaurant, the drop-off and the driver moving between them. Leaflet owns the map's DOM; React
 * hands it the pins, markers move without the map being rebuilt, and the view refits to hold every pin
 * only when one has left it, so a customer who zoomed in is not yanked back every few seconds. Without
 * tiles (no network, or none configured) the pins stand on a plain background. Leaflet loads lazily:
 * until it arrives the frame stands empty at its size and says so.
 */
export function TrackMap({ pins, stale }: { readonly pins: readonly Pin[]; readonly stale: boolean }) {
  const leaflet = useLeaflet();
  const L = leaflet.status === 'ready' ? leaflet.L : null;
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<LeafletMap | null>(null);
  const markers = useRef(new Map<PinKind, Marker>());
  const fitted = useRef(false);

  useEffect(() => {
    const element = container.current;
    if (!element || !L) return;
    const created = L.map(element, { scrollWheelZoom: false, zoomSnap: 0.25 });
    if (TILES.url) L.tileLayer(TILES.url, { attribution: TILES.attribution, maxZoom: 19 }).addTo(created);
    map.current = created;
    fitted.current = false;
    const shown = markers.current;
    return () => {
      shown.clear();
      map.current = null;
      created.remove();
    };
  }, [L]);

  useEffect(() => {
    const shown = map.current;
    if (!shown || !L) return;
    const kinds = new Set(pins.map((p) => p.kind));
    for (const [kind, marker] of markers.current) {
      if (kinds.has(kind)) continue;
      marker.remove();
      markers.current.delete(kind);
    }
    for (const pin of pins) {
      const existing = markers.current.get(pin.kind);
      if (existing) {
        existing.setLatLng([pin.lat, pin.lng]);
        existing.getElement()?.setAttribute('title', title(pin));
        continue;
      }
      const { className, size, anchor } = ICONS[pin.kind];
      const icon = L.divIcon({ className, html: '<span aria-hidden="true"></span>', iconSize: size, iconAnchor: anchor });
      markers.current.set(
        pin.kind,
        L.marker([pin.lat, pin.lng], { icon, title: title(pin), keyboard: false, interactive: false }).addTo(shown),
      );
    }
    const bounds = pinBounds(pins);
    if (!bounds) return;
    // Kept while every pin is well inside it (not at the very edge, half cut off); refitted once one is not.
    const inner = fitted.current ? shown.getBounds().pad(-0.1) : null;
    if (inner && pins.every((p) => inner.contains([p.lat, p.lng]))) return;
    shown.fitBounds(bounds, { padding: PADDING, maxZoom: MAX_ZOOM });
    fitted.current = true;
  }, [L, pins]);

  useEffect(() => {
    markers.current.get('driver')?.getElement()?.classList.toggle('map-driver--stale', stale);
  }, [L, pins, stale]);

  return (
    <>
      <div ref={container} className="driver-map" role="region" aria-label={mapLabel(pins)} aria-busy={leaflet.status === 'loading'} />
      <MapLoadStatus state={leaflet} />
    </>
  );
}
