import type { DivIcon, LayerGroup, Map as LeafletMap, Marker } from 'leaflet';
import { useEffect, useRef } from 'react';
import type { OrderId, UserId } from '../../../../shared/ids';
import { MapLoadStatus } from '../../../common/map/MapLoadStatus';
import { tileConfig } from '../../../common/map/mapTiles';
import type { Leaflet } from '../../../common/map/leaflet';
import { useLeaflet } from '../../../common/map/useLeaflet';
import { ageText, type MapPoints } from '../../model/map/mapPoints';

const TILES = tileConfig(import.meta.env);
/** Bengaluru's centre, until the first outlet or driver gives the map somewhere to be. */
const FALLBACK_CENTER: [number, number] = [12.9716, 77.5946];

interface Props {
  readonly points: MapPoints;
  readonly now: number;
  readonly selectedDriver: UserId | null;
  readonly onSelectDriver: (driverId: UserId) => void;
  readonly onOpenOrder: (orderId: OrderId) => void;
}

interface Spot {
  readonly key: string;
  readonly lat: number;
  readonly lng: number;
  readonly title: string;
  readonly className: string;
  readonly label: string;
  readonly onClick: (() => void) | null;
}

/**
 * CSS markers rather than Leaflet's image icons, which bundlers lose and which need the network. The
 * label goes in as text, never as HTML: it comes from a person's name.
 */
function iconOf(L: Leaflet, spot: Spot): DivIcon {
  const label = document.createElement('span');
  label.setAttribute('aria-hidden', 'true');
  label.textContent = spot.label;
  return L.divIcon({ className: spot.className, html: label, iconSize: [32, 32], iconAnchor: [16, 16] });
}

const initials = (name: string): string =>
  name
    .split(/\s+/)
    .map((part) => part[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();

function spotsOf(props: Props): Spot[] {
  const { points, now, selectedDriver, onSelectDriver, onOpenOrder } = props;
  return [
    ...points.outlets.map((o) => ({
      key: `outlet:${o.id}`,
      lat: o.lat,
      lng: o.lng,
      title: `Outlet ${o.name}${o.note ? ` (${o.note})` : ''}: ${o.activeOrders} ${o.activeOrders === 1 ? 'order' : 'orders'} under way`,
      className: `admin-map__outlet${o.note ? ' admin-map__outlet--note' : ''}`,
      label: '',
      onClick: null,
    })),
    ...points.dropoffs.map((d) => ({
      key: `dropoff:${d.orderId}`,
      lat: d.lat,
      lng: d.lng,
      title: `Drop-off for ${d.customer} in ${d.area}${d.late ? ', late' : ''}: open the order`,
      className: `admin-map__dropoff${d.late ? ' admin-map__dropoff--late' : ''}`,
      label: '',
      onClick: () => onOpenOrder(d.orderId),
    })),
    ...points.drivers.map((d) => ({
      key: `driver:${d.id}`,
      lat: d.lat,
      lng: d.lng,
      title: `Driver ${d.name}, position ${ageText(d.at, now)}${d.headingTo ? `, ${d.headingTo.text}` : ''}`,
      className: [
        'admin-map__driver',
        d.stale ? 'admin-map__driver--stale' : '',
        d.id === selectedDriver ? 'admin-map__driver--selected' : '',
      ]
        .filter(Boolean)
        .join(' '),
      label: initials(d.name),
      onClick: () => onSelectDriver(d.id),
    })),
  ];
}

/**
 * Outlets, drivers and the deliveries under way on a Leaflet map. Leaflet owns the map's DOM; each
 * render hands it the points and only the markers that changed are moved or redrawn. Markers are
 * focusable and answer Enter: a drop-off opens its order, a driver shows their details. Without tiles
 * (offline, or none configured) it is a plain background with the markers, as the tracking map is.
 */
export function LiveMap(props: Props) {
  const leaflet = useLeaflet();
  const L = leaflet.status === 'ready' ? leaflet.L : null;
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<{
    map: LeafletMap;
    layer: LayerGroup;
    markers: Map<string, { marker: Marker; spot: string }>;
    fitted: boolean;
  } | null>(null);
  const propsRef = useRef(props);
  propsRef.current = props;

  useEffect(() => {
    const element = container.current;
    if (!element || !L) return;
    const created = L.map(element, { center: FALLBACK_CENTER, zoom: 12 });
    if (TILES.url) L.tileLayer(TILES.url, { attribution: TILES.attribution, maxZoom: 19 }).addTo(created);
    map.current = { map: created, layer: L.layerGroup().addTo(created), markers: new Map(), fitted: false };
    return () => {
      map.current = null;
      created.remove();
    };
  }, [L]);

  useEffect(() => {
    const shown = map.current;
    if (!L || !shown) return;
    const spots = spotsOf(propsRef.current);
    const keys = new Set(spots.map((s) => s.key));
    for (const [key, { marker }] of shown.markers) {
      if (keys.has(key)) continue;
      shown.layer.removeLayer(marker);
      shown.markers.delete(key);
    }
    for (const spot of spots) {
      const fingerprint = `${spot.className}|${spot.title}|${spot.label}`;
      const known = shown.markers.get(spot.key);
      if (known) {
        known.marker.setLatLng([spot.lat, spot.lng]);
        if (known.spot !== fingerprint) {
          known.marker.setIcon(iconOf(L, spot));
          known.marker.getElement()?.setAttribute('title', spot.title);
          known.marker.getElement()?.setAttribute('aria-label', spot.title);
          shown.markers.set(spot.key, { marker: known.marker, spot: fingerprint });
        }
        continue;
      }
      const marker = L.marker([spot.lat, spot.lng], {
        icon: iconOf(L, spot),
        title: spot.title,
        alt: spot.title,
        keyboard: spot.onClick !== null,
        interactive: spot.onClick !== null,
      });
      // Read the handler at click time: the props of this render are stale by then.
      marker.on('click', () =>
        spotsOf(propsRef.current)
          .find((s) => s.key === spot.key)
          ?.onClick?.(),
      );
      marker.addTo(shown.layer);
      marker.getElement()?.setAttribute('aria-label', spot.title);
      shown.markers.set(spot.key, { marker, spot: fingerprint });
    }
    if (!shown.fitted && spots.length > 0) {
      shown.fitted = true;
      shown.map.fitBounds(L.latLngBounds(spots.map((s) => [s.lat, s.lng])).pad(0.2), { maxZoom: 15 });
    }
  }, [L, props.points, props.selectedDriver, props.now]);

  return (
    <>
      <div
        ref={container}
        className="admin-map"
        role="region"
        aria-label="Live map of outlets, drivers and drop-offs"
        aria-busy={leaflet.status === 'loading'}
      />
      <MapLoadStatus state={leaflet} />
    </>
  );
}
