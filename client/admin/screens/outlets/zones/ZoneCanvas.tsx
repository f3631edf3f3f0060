import type { DivIcon, LatLngExpression, LayerGroup, Map as LeafletMap } from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import type { DeliveryZone } from '../../../../../shared/catalog/menu';
import { formatMoneyShort } from '../../../../../shared/money';
import type { Leaflet } from '../../../../common/map/leaflet';
import { MapLoadStatus } from '../../../../common/map/MapLoadStatus';
import { tileConfig } from '../../../../common/map/mapTiles';
import { useLeaflet } from '../../../../common/map/useLeaflet';
import type { Vertex } from '../../../model/outlets/polygonEdit';

const TILES = tileConfig(import.meta.env);

export interface ZoneOutlet {
  readonly lat: number;
  readonly lng: number;
  readonly name: string;
  /** ISO 4217, for the fees on the zones' labels; rupees when absent, as formatMoney assumes. */
  readonly currency?: string;
}

interface Props {
  readonly outlet: ZoneOutlet;
  readonly zones: readonly DeliveryZone[];
  readonly editingZoneId: string | null;
  readonly selected: number | null;
  /** A new value asks the map to fit every zone and the outlet into view again. */
  readonly fitKey: string;
  readonly describedBy: string;
  readonly onAdd: (at: Vertex) => void;
  readonly onMove: (index: number, to: Vertex) => void;
  readonly onRemove: (index: number) => void;
  readonly onSelect: (index: number) => void;
}

/** Text, never HTML: a zone's name and an outlet's come from people. */
function textOf(text: string): HTMLElement {
  const span = document.createElement('span');
  span.textContent = text;
  return span;
}

/** CSS markers rather than Leaflet's image icons, which bundlers lose and which need the network. */
function handleIcon(L: Leaflet, index: number, selected: boolean): DivIcon {
  const dot = textOf(String(index + 1));
  dot.setAttribute('aria-hidden', 'true');
  // The marker is the 44 px touch target; the dot drawn inside it is smaller, so the outline stays visible.
  return L.divIcon({
    className: `zone-map__handle${selected ? ' zone-map__handle--selected' : ''}`,
    html: dot,
    iconSize: [44, 44],
    iconAnchor: [22, 22],
  });
}

const labelOf = (zone: DeliveryZone, currency: string | undefined): string =>
  `${zone.name} · ${zone.fee === 0 ? 'free delivery' : `${formatMoneyShort(zone.fee, currency)} delivery`}`;

/**
 * Where a zone's label hangs: from the middle of its northernmost edge or corner. Zones usually nest
 * around the outlet, so their centres (and the outlet's marker) coincide while their tops do not.
 */
function labelSpot(polygon: readonly Vertex[]): LatLngExpression {
  const top = Math.max(...polygon.map(([lat]) => lat));
  const lngs = polygon.filter(([lat]) => lat === top).map(([, lng]) => lng);
  return [top, (Math.min(...lngs) + Math.max(...lngs)) / 2];
}

const latLngs = (polygon: readonly Vertex[]): LatLngExpression[] => polygon.map(([lat, lng]) => [lat, lng]);

/**
 * The zones on a Leaflet map. Leaflet owns the map's DOM, and each render redraws the few zones from the
 * props; while a point is dragged only Leaflet's outline follows it, and the zone changes once, where it
 * is dropped. Without tiles (offline, or none configured) it is a plain background with the zones.
 */
export function ZoneCanvas(props: Props) {
  const leaflet = useLeaflet();
  const L = leaflet.status === 'ready' ? leaflet.L : null;
  const container = useRef<HTMLDivElement>(null);
  const shown = useRef<{ map: LeafletMap; layer: LayerGroup } | null>(null);
  // Leaflet's handlers outlive a render; they read the props as they are when they fire.
  const propsRef = useRef(props);
  propsRef.current = props;
  // Redrawing would drop the handle under the admin's finger, so a drag holds redraws off until it ends.
  const dragging = useRef(false);
  const [drops, setDrops] = useState(0);

  useEffect(() => {
    const element = container.current;
    if (!element || !L) return;
    const { outlet } = propsRef.current;
    // A double click would add two points and zoom in as well; the zoom buttons and the wheel still zoom.
    const map = L.map(element, { center: [outlet.lat, outlet.lng], zoom: 13, doubleClickZoom: false });
    if (TILES.url) L.tileLayer(TILES.url, { attribution: TILES.attribution, maxZoom: 19 }).addTo(map);
    map.on('click', (event) => {
      if (propsRef.current.editingZoneId !== null) propsRef.current.onAdd([event.latlng.lat, event.latlng.lng]);
    });
    shown.current = { map, layer: L.layerGroup().addTo(map) };
    return () => {
      shown.current = null;
      map.remove();
    };
  }, [L]);

  const { outlet, zones, editingZoneId, selected } = props;
  useEffect(() => {
    const view = shown.current;
    if (!L || !view || dragging.current) return;
    view.layer.clearLayers();
    view.map.getContainer().classList.toggle('zone-map__canvas--editing', editingZoneId !== null);
    // The zone being edited is drawn last, over the others.
    const ordered = [...zones.filter((z) => z.id !== editingZoneId), ...zones.filter((z) => z.id === editingZoneId)];
    for (const zone of ordered) {
      const editing = zone.id === editingZoneId;
      const faded = editingZoneId !== null && !editing;
      const outline = L.polygon(latLngs(zone.polygon), {
        className: editing ? 'zone-map__zone zone-map__zone--editing' : faded ? 'zone-map__zone zone-map__zone--faded' : 'zone-map__zone',
        weight: editing ? 3 : 2,
        fillOpacity: editing ? 0.18 : faded ? 0.04 : 0.1,
        opacity: faded ? 0.5 : 1,
        dashArray: faded ? '6 6' : undefined,
        interactive: false,
      }).addTo(view.layer);
      L.tooltip(labelSpot(zone.polygon), {
        permanent: true,
        direction: 'bottom',
        offset: [0, 12],
        opacity: faded ? 0.75 : 0.95,
        className: `zone-map__label${faded ? ' zone-map__label--faded' : ''}`,
        content: textOf(labelOf(zone, outlet.currency)),
      }).addTo(view.layer);
      if (!editing) continue;
      zone.polygon.forEach((vertex, index) => {
        const handle = L.marker([vertex[0], vertex[1]], {
          icon: handleIcon(L, index, index === selected),
          draggable: true,
          autoPan: true,
          keyboard: false,
          title: `Point ${index + 1}: drag it to move it; right-click or press and hold it to remove it`,
        }).addTo(view.layer);
        handle.on('dragstart', () => {
          dragging.current = true;
        });
        handle.on('drag', () => {
          const at = handle.getLatLng();
          outline.setLatLngs(zone.polygon.map(([lat, lng], k) => (k === index ? at : L.latLng(lat, lng))));
        });
        handle.on('dragend', () => {
          dragging.current = false;
          // Draw again even if the zone comes back unchanged, or changed elsewhere during the drag.
          setDrops((n) => n + 1);
          const at = handle.getLatLng();
          propsRef.current.onMove(index, [at.lat, at.lng]);
        });
        handle.on('click', () => propsRef.current.onSelect(index));
        handle.on('contextmenu', (event) => {
          L.DomEvent.preventDefault(event.originalEvent);
          propsRef.current.onRemove(index);
        });
      });
    }
    L.marker([outlet.lat, outlet.lng], {
      icon: L.divIcon({
        className: 'zone-map__outlet',
        html: '<span aria-hidden="true"></span>',
        iconSize: [28, 28],
        iconAnchor: [14, 14],
      }),
      title: `Outlet ${outlet.name}`,
      interactive: false,
      keyboard: false,
    }).addTo(view.layer);
  }, [L, outlet.lat, outlet.lng, outlet.name, outlet.currency, zones, editingZoneId, selected, drops]);

  useEffect(() => {
    const view = shown.current;
    if (!L || !view) return;
    const { outlet: at, zones: all } = propsRef.current;
    const points: LatLngExpression[] = [[at.lat, at.lng], ...all.flatMap((zone) => latLngs(zone.polygon))];
    if (points.length === 1) view.map.setView([at.lat, at.lng], 14);
    else view.map.fitBounds(L.latLngBounds(points).pad(0.05), { maxZoom: 16 });
  }, [L, props.fitKey]);

  return (
    <>
      <div
        ref={container}
        className="zone-map__canvas"
        role="region"
        aria-label={`Map of the delivery zones around ${outlet.name}`}
        aria-describedby={props.describedBy}
        aria-busy={leaflet.status === 'loading'}
      />
      <MapLoadStatus state={leaflet} />
    </>
  );
}
