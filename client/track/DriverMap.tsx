import type { Map as LeafletMap, Marker } from 'leaflet';
import { useEffect, useRef } from 'react';
import { MapLoadStatus } from '../common/map/MapLoadStatus';
import { tileConfig } from '../common/map/mapTiles';
import { useLeaflet } from '../common/map/useLeaflet';

interface Props {
  readonly lat: number;
  readonly lng: number;
  readonly firstName: string;
  readonly stale: boolean;
}

const TILES = tileConfig(import.meta.env);
const ZOOM = 15;

/**
 * The driver's dot. Leaflet owns the map's DOM; React hands it each new position, and the dot moves
 * without the map being rebuilt. The map follows only when the dot nears the edge, so a customer who
 * zoomed or panned is not yanked back every few seconds. Without tiles (no network, or none
 * configured) it is a plain background with the dot, which still shows the driver moving. Leaflet
 * loads lazily: until it arrives the frame stands empty at its size and says so.
 */
export function DriverMap({ lat, lng, firstName, stale }: Props) {
  const leaflet = useLeaflet();
  const L = leaflet.status === 'ready' ? leaflet.L : null;
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<LeafletMap | null>(null);
  const marker = useRef<Marker | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element || !L) return;
    // A CSS dot rather than Leaflet's image icons, which bundlers lose and which need the network.
    const driverIcon = L.divIcon({
      className: 'map-driver',
      html: '<span aria-hidden="true"></span>',
      iconSize: [28, 28],
      iconAnchor: [14, 14],
    });
    const created = L.map(element, { center: [lat, lng], zoom: ZOOM, scrollWheelZoom: false });
    if (TILES.url) L.tileLayer(TILES.url, { attribution: TILES.attribution, maxZoom: 19 }).addTo(created);
    marker.current = L.marker([lat, lng], { icon: driverIcon, keyboard: false, interactive: false }).addTo(created);
    map.current = created;
    return () => {
      marker.current = null;
      map.current = null;
      created.remove();
    };
    // Built once Leaflet is here; the effects below move the dot.
  }, [L]);

  useEffect(() => {
    const m = marker.current;
    const shown = map.current;
    if (!m || !shown) return;
    m.setLatLng([lat, lng]);
    if (!shown.getBounds().pad(-0.2).contains([lat, lng])) shown.panTo([lat, lng]);
  }, [lat, lng]);

  useEffect(() => {
    const element = marker.current?.getElement();
    element?.classList.toggle('map-driver--stale', stale);
    element?.setAttribute('title', stale ? `${firstName}’s last known position` : `${firstName}’s position`);
  }, [L, stale, firstName, lat, lng]);

  return (
    <>
      <div
        ref={container}
        className="driver-map"
        role="region"
        aria-label={`Map with ${firstName}’s ${stale ? 'last known ' : ''}position`}
        aria-busy={leaflet.status === 'loading'}
      />
      <MapLoadStatus state={leaflet} />
    </>
  );
}
