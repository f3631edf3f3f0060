import 'leaflet/dist/leaflet.css';
import './zones.css';
import { useId, useMemo, useState } from 'react';
import type { DeliveryZone } from '../../../../../shared/catalog/menu';
import { checkPolygon, type PolygonCheck } from '../../../model/outlets/polygonCheck';
import {
  addVertex,
  moveVertex,
  removeVertex,
  splitEdge,
  squareAround,
  type Polygon,
  type Vertex,
} from '../../../model/outlets/polygonEdit';
import { PointList } from './PointList';
import { ZoneCanvas, type ZoneOutlet } from './ZoneCanvas';

export type { ZoneOutlet } from './ZoneCanvas';

export interface ZoneMapProps {
  readonly outlet: ZoneOutlet;
  readonly zones: readonly DeliveryZone[];
  /** The zone being edited; the others are drawn faded and cannot be changed. */
  readonly editingZoneId: string | null;
  /** The edited zone's new polygon. */
  readonly onPolygonChange: (polygon: readonly (readonly [number, number])[]) => void;
}

/** What "Reset to a 3 km square" draws: a square whose sides are this far north, south, east and west of the outlet. */
const RESET_RADIUS_M = 3_000;

function Verdict({ check, refusal }: { readonly check: PolygonCheck; readonly refusal: string | null }) {
  return (
    <div className="zone-map__verdict">
      {refusal ? (
        <p className="error" role="alert">
          {refusal}
        </p>
      ) : null}
      <div aria-live="polite">
        {check.problems.map((problem) => (
          <p key={problem.code} className={problem.blocking ? 'error' : 'notice'}>
            {problem.message}
          </p>
        ))}
      </div>
    </div>
  );
}

/**
 * Draws an outlet's delivery zones on a map and edits one of them: tap the map to add a point to the
 * nearest side, drag a point to move it, right-click or press and hold it (or tap it, then "Remove
 * selected point") to remove it. The map is a picture; the list of points beside it does every edit from the
 * keyboard. The zone itself is the caller's: each edit hands back a new polygon and the map draws what
 * comes back in `zones`. Loaded lazily with Leaflet and its styles.
 */
export default function ZoneMap({ outlet, zones, editingZoneId, onPolygonChange }: ZoneMapProps) {
  const helpId = useId();
  const editing = zones.find((zone) => zone.id === editingZoneId) ?? null;
  const [selection, setSelection] = useState<{ readonly zoneId: string; readonly index: number } | null>(null);
  const [refused, setRefused] = useState<{ readonly zoneId: string; readonly message: string } | null>(null);
  const refusal = editing && refused?.zoneId === editing.id ? refused.message : null;
  const [resets, setResets] = useState(0);
  const selected =
    editing && selection && selection.zoneId === editing.id && selection.index < editing.polygon.length ? selection.index : null;
  const check = useMemo(() => (editing ? checkPolygon(editing.polygon, outlet) : null), [editing, outlet]);

  const change = (polygon: Polygon, select: number | null) => {
    setRefused(null);
    setSelection(editing && select !== null ? { zoneId: editing.id, index: select } : null);
    onPolygonChange(polygon);
  };
  const add = (at: Vertex): number => {
    if (!editing) return -1;
    const added = addVertex(editing.polygon, at);
    change(added.polygon, added.index);
    return added.index;
  };
  const addAtEnd = (): number => {
    if (!editing) return -1;
    const added = splitEdge(editing.polygon, editing.polygon.length - 1);
    change(added.polygon, added.index);
    return added.index;
  };
  /** A point dragged on the map becomes the chosen one; one typed in the list leaves the choice alone. */
  const move = (index: number, to: Vertex, select: number | null) => {
    if (editing) change(moveVertex(editing.polygon, index, to), select);
  };
  const remove = (index: number): boolean => {
    if (!editing) return false;
    const removed = removeVertex(editing.polygon, index);
    if (!removed.ok) {
      setRefused({ zoneId: editing.id, message: removed.error.message });
      return false;
    }
    change(removed.value, null);
    return true;
  };

  return (
    <div className="zone-map">
      <div className="zone-map__picture">
        <ZoneCanvas
          outlet={outlet}
          zones={zones}
          editingZoneId={editing?.id ?? null}
          selected={selected}
          fitKey={`${editing?.id ?? ''}|${resets}`}
          describedBy={helpId}
          onAdd={add}
          onMove={(index, to) => move(index, to, index)}
          onRemove={remove}
          onSelect={(index) => setSelection(editing ? { zoneId: editing.id, index } : null)}
        />
        <p id={helpId} className="muted">
          {editing
            ? `Editing ${editing.name}, the solid outline. Tap the map to add a point to the nearest side; drag a point to move it; right-click or press and hold a point, or tap it and choose Remove selected point, to remove it. Every point is also in the list of points, which the keyboard can edit. Reset draws a square reaching 3 km from the outlet each way.`
            : 'Each zone is drawn with its delivery fee. Choose a zone to edit it.'}
        </p>
        <div className="zone-map__actions">
          {editing ? (
            <button
              type="button"
              className="button button--quiet"
              onClick={() => {
                change(squareAround(outlet, RESET_RADIUS_M), null);
                setResets((n) => n + 1);
              }}
            >
              Reset to a 3 km square
            </button>
          ) : null}
          {selected !== null ? (
            <button type="button" className="button button--danger" onClick={() => remove(selected)}>
              Remove selected point ({selected + 1})
            </button>
          ) : null}
          <button type="button" className="button button--quiet" onClick={() => setResets((n) => n + 1)}>
            Show every zone
          </button>
        </div>
      </div>
      {editing && check ? (
        <div className="zone-map__side">
          <Verdict check={check} refusal={refusal} />
          <PointList
            zoneName={editing.name}
            polygon={editing.polygon}
            selected={selected}
            flagged={check.problems.filter((p) => p.blocking).flatMap((p) => p.points)}
            onMove={(index, to) => move(index, to, selected)}
            onRemove={remove}
            onAdd={addAtEnd}
          />
        </div>
      ) : null}
    </div>
  );
}
