import { useEffect, useId, useRef } from 'react';
import type { Polygon, Vertex } from '../../../model/outlets/polygonEdit';
import { CoordinateField } from './CoordinateField';

interface Props {
  readonly zoneName: string;
  readonly polygon: Polygon;
  readonly selected: number | null;
  /** Points that are part of a problem that makes the zone unusable. */
  readonly flagged: readonly number[];
  readonly onMove: (index: number, to: Vertex) => void;
  /** Returns false when the point was not removed (a zone keeps at least three). */
  readonly onRemove: (index: number) => boolean;
  /** Adds a point after the last one and returns its index. */
  readonly onAdd: () => number;
}

/**
 * The edited zone's points as fields, for those who do not use the map: keyboard and screen reader
 * users get every edit the map offers. After adding or removing a point, focus goes to the latitude of
 * the point added, or of the one that took the removed point's place, so it is never lost.
 */
export function PointList({ zoneName, polygon, selected, flagged, onMove, onRemove, onAdd }: Props) {
  const prefix = useId();
  const fieldId = (index: number, axis: 'lat' | 'lng'): string => `${prefix}-point-${index}-${axis}`;
  const focusNext = useRef<number | null>(null);

  useEffect(() => {
    const index = focusNext.current;
    if (index === null) return;
    const field = document.getElementById(fieldId(Math.min(index, polygon.length - 1), 'lat'));
    if (!field) return;
    focusNext.current = null;
    field.focus();
    // fieldId is built from the stable prefix; only the number of points decides when to move focus.
  }, [polygon.length]);

  return (
    <fieldset className="zone-points">
      <legend>Points of {zoneName}</legend>
      <p className="muted">In degrees, as on the map. The zone runs from each point to the next and from the last back to the first.</p>
      <ol className="zone-points__list">
        {polygon.map(([lat, lng], index) => {
          const name = `Point ${index + 1}`;
          const marked = flagged.includes(index);
          return (
            <li
              key={index}
              className={[
                'zone-points__item',
                index === selected ? 'zone-points__item--selected' : '',
                marked ? 'zone-points__item--flagged' : '',
              ]
                .filter(Boolean)
                .join(' ')}
            >
              <span className="zone-points__name" aria-hidden="true">
                {index + 1}
              </span>
              <CoordinateField
                id={fieldId(index, 'lat')}
                axis="lat"
                label={`${name} latitude`}
                value={lat}
                flagged={marked}
                onCommit={(value) => onMove(index, [value, lng])}
              />
              <CoordinateField
                id={fieldId(index, 'lng')}
                axis="lng"
                label={`${name} longitude`}
                value={lng}
                flagged={marked}
                onCommit={(value) => onMove(index, [lat, value])}
              />
              <button
                type="button"
                className="button button--quiet zone-points__remove"
                aria-label={`Remove point ${index + 1}`}
                onClick={() => {
                  if (onRemove(index)) focusNext.current = index;
                }}
              >
                Remove
              </button>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button"
        onClick={() => {
          focusNext.current = onAdd();
        }}
      >
        Add point
      </button>
    </fieldset>
  );
}
