import type { Map as LeafletMap, Marker } from 'leaflet';
import { useEffect, useRef } from 'react';
import type { DeliveryZone } from '../api/catalogApi';
import type { LatLng } from '../cart/cartStore';
import { MapLoadStatus } from '../../common/map/MapLoadStatus';
import { tileConfig } from '../../common/map/mapTiles';
import { useLeaflet } from '../../common/map/useLeaflet';

interface Props {
  readonly outlet: LatLng;
  readonly pin: LatLng;
  readonly zones: readonly DeliveryZone[];
  readonly onPin: (pin: LatLng) => void;
  readonly describedBy?: string | undefined;
}

const TILES = tileConfig(import.meta.env);

/** Screen pixels one arrow key moves the pin: the same feel at every zoom. */
const KEY_STEP_PX = 20;
/** How close to the map's edge the pin may come before the map follows it (px). */
const EDGE_PX = 48;
/** A pin set from outside (the phone's location) far from what is shown: at least street level there. */
const FOLLOW_ZOOM = 16;
const KEY_MOVES: Readonly<Record<string, readonly [number, number]>> = {
  ArrowUp: [0, -KEY_STEP_PX],
  ArrowDown: [0, KEY_STEP_PX],
  ArrowLeft: [-KEY_STEP_PX, 0],
  ArrowRight: [KEY_STEP_PX, 0],
};
export const PIN_TITLE = 'Delivery pin: drag it, or focus it and use the arrow keys, to put it on your door';

/**
 * Where to deliver: a draggable pin that starts at the restaurant; tapping the map moves it too.
 * Leaflet owns the map's DOM; React only hands it the pin and hears where the customer put it.
 * Leaflet loads lazily: until it arrives the frame stands empty at its size and says so.
 */
export function DeliveryMap({ outlet, pin, zones, onPin, describedBy }: Props) {
  const leaflet = useLeaflet();
  const L = leaflet.status === 'ready' ? leaflet.L : null;
  const container = useRef<HTMLDivElement>(null);
  const marker = useRef<Marker | null>(null);
  const mapRef = useRef<LeafletMap | null>(null);
  const onPinRef = useRef(onPin);
  onPinRef.current = onPin;

  useEffect(() => {
    const element = container.current;
    if (!element || !L) return;
    // CSS markers rather than Leaflet's image icons, which bundlers lose and which need the network.
    const pinIcon = L.divIcon({ className: 'map-pin', html: '<span aria-hidden="true"></span>', iconSize: [32, 40], iconAnchor: [16, 40] });
    const outletIcon = L.divIcon({
      className: 'map-outlet',
      html: '<span aria-hidden="true"></span>',
      iconSize: [20, 20],
      iconAnchor: [10, 10],
    });
    const map = L.map(element, { center: [pin.lat, pin.lng], zoom: 12, scrollWheelZoom: false });
    if (TILES.url) L.tileLayer(TILES.url, { attribution: TILES.attribution, maxZoom: 19 }).addTo(map);
    for (const zone of zones) {
      L.polygon(
        zone.polygon.map(([lat, lng]) => [lat, lng] as [number, number]),
        { color: '#c2410c', weight: 1, fillOpacity: 0.06, interactive: false },
      )
        .bindTooltip(zone.name)
        .addTo(map);
    }
    L.marker([outlet.lat, outlet.lng], {
      icon: outletIcon,
      title: 'The restaurant',
      alt: 'The restaurant',
      keyboard: false,
      interactive: false,
    }).addTo(map);
    const m = L.marker([pin.lat, pin.lng], { icon: pinIcon, draggable: true, autoPan: true, title: PIN_TITLE, alt: 'Delivery pin' }).addTo(
      map,
    );
    m.on('dragend', () => {
      const at = m.getLatLng();
      onPinRef.current({ lat: at.lat, lng: at.lng });
    });
    // Dragging needs a pointer; arrow keys on the focused pin move it too (and not the map under it).
    m.getElement()?.addEventListener('keydown', (event) => {
      const move = KEY_MOVES[event.key];
      if (!move) return;
      event.preventDefault();
      event.stopPropagation();
      const point = map.latLngToContainerPoint(m.getLatLng()).add(L.point(move[0], move[1]));
      const at = map.containerPointToLatLng(point);
      m.setLatLng(at);
      map.panInside(at, { padding: [EDGE_PX, EDGE_PX] });
      onPinRef.current({ lat: at.lat, lng: at.lng });
    });
    map.on('click', (event) => {
      m.setLatLng(event.latlng);
      onPinRef.current({ lat: event.latlng.lat, lng: event.latlng.lng });
    });
    marker.current = m;
    mapRef.current = map;
    return () => {
      marker.current = null;
      mapRef.current = null;
      map.remove();
    };
    // The map is built once per outlet; later pin changes move the marker below instead.
  }, [L, outlet.lat, outlet.lng, zones]);

  // A pin moved from outside (the phone's location, a restored cart) must stay in sight: a pin off the
  // map cannot be checked or dragged. Near: pan just enough; far: centre on it at street level.
  useEffect(() => {
    const m = marker.current;
    const map = mapRef.current;
    if (!m || !map || m.getLatLng().equals([pin.lat, pin.lng])) return;
    m.setLatLng([pin.lat, pin.lng]);
    if (map.getBounds().contains([pin.lat, pin.lng])) map.panInside([pin.lat, pin.lng], { padding: [EDGE_PX, EDGE_PX] });
    else map.setView([pin.lat, pin.lng], Math.max(map.getZoom(), FOLLOW_ZOOM));
  }, [pin.lat, pin.lng]);

  return (
    <>
      <div
        ref={container}
        className="delivery-map"
        role="region"
        aria-label="Delivery location map: drag the pin or tap the map to move it"
        aria-describedby={describedBy}
        aria-busy={leaflet.status === 'loading'}
      />
      <MapLoadStatus state={leaflet} />
    </>
  );
}
