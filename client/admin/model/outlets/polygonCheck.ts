import { insidePolygon, type LatLng } from '../../../../shared/catalog/zones';
import { MIN_POINTS, type Polygon, type Vertex } from './polygonEdit';

export type PolygonProblemCode = 'off_the_map' | 'too_few_points' | 'repeated_point' | 'no_area' | 'crosses_itself' | 'outlet_outside';

export interface PolygonProblem {
  readonly code: PolygonProblemCode;
  /** For the editor to show as it is. Points are counted from 1, as the point list labels them. */
  readonly message: string;
  /** A blocking problem makes the zone unusable; the others are warnings the admin may accept. */
  readonly blocking: boolean;
  /** Indexes (from 0) of the points involved, for the editor to mark. */
  readonly points: readonly number[];
}

export interface PolygonCheck {
  readonly usable: boolean;
  readonly problems: readonly PolygonProblem[];
}

/**
 * Coordinates sit on the 1e-6 grid the editor rounds to, so a cross product of two of their differences is
 * a multiple of 1e-12 or zero: anything smaller than half of that is rounding noise, and the points are in line.
 */
const IN_LINE = 5e-13;

/** Which way c lies from the line a→b, on the plane x = lng, y = lat (any such plane keeps crossings as they are). */
function turn(a: Vertex, b: Vertex, c: Vertex): -1 | 0 | 1 {
  const cross = (b[1] - a[1]) * (c[0] - a[0]) - (b[0] - a[0]) * (c[1] - a[1]);
  return cross > IN_LINE ? 1 : cross < -IN_LINE ? -1 : 0;
}

/** For p in line with a and b: whether it lies between them. */
const between = (a: Vertex, b: Vertex, p: Vertex): boolean =>
  Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]);

/** Whether two sides with no corner in common cross or touch. */
function sidesMeet(a: Vertex, b: Vertex, c: Vertex, d: Vertex): boolean {
  const [abc, abd, cda, cdb] = [turn(a, b, c), turn(a, b, d), turn(c, d, a), turn(c, d, b)];
  if (abc * abd < 0 && cda * cdb < 0) return true;
  return (
    (abc === 0 && between(a, b, c)) || (abd === 0 && between(a, b, d)) || (cda === 0 && between(c, d, a)) || (cdb === 0 && between(c, d, b))
  );
}

/** Whether the outline turns right round at b, running back along the side it came by. */
const doublesBack = (a: Vertex, b: Vertex, c: Vertex): boolean =>
  turn(a, b, c) === 0 && (a[0] - b[0]) * (c[0] - b[0]) + (a[1] - b[1]) * (c[1] - b[1]) > 0;

const onTheMap = ([lat, lng]: Vertex): boolean =>
  Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;

/** Whether every point lies on the line through the first two (which differ: repeated points are refused first). */
function allInLine(polygon: Polygon): boolean {
  const [a, b] = polygon;
  return !a || !b || polygon.every((c) => turn(a, b, c) === 0);
}

function firstCrossing(polygon: Polygon): PolygonProblem | null {
  const n = polygon.length;
  const at = (i: number): Vertex => polygon[i % n] ?? [NaN, NaN];
  for (let i = 0; i < n; i++) {
    if (doublesBack(at(i + n - 1), at(i), at(i + 1)))
      return {
        code: 'crosses_itself',
        message: `The outline doubles back on itself at point ${i + 1}. Move that point or one beside it.`,
        blocking: true,
        points: [i],
      };
  }
  for (let i = 0; i < n; i++) {
    // Sides i and j share a corner when j is i's neighbour (the last side is the first's neighbour too).
    for (let j = i + 2; j < n - (i === 0 ? 1 : 0); j++) {
      if (!sidesMeet(at(i), at(i + 1), at(j), at(j + 1))) continue;
      const side = (k: number): string => `the side from point ${k + 1} to point ${((k + 1) % n) + 1}`;
      return {
        code: 'crosses_itself',
        message: `The outline crosses itself: ${side(i)} meets ${side(j)}. Move a point so that no sides cross.`,
        blocking: true,
        points: [i, (i + 1) % n, j, (j + 1) % n],
      };
    }
  }
  return null;
}

const blocking = (problem: PolygonProblem): PolygonCheck => ({ usable: false, problems: [problem] });

/**
 * Whether a polygon can be a delivery zone, and why not. The first blocking problem found is the only one
 * reported, because the later checks mean nothing until it is fixed. An outline that leaves out the outlet
 * is allowed (a zone may serve a district across town) but is usually a slip, so it comes as a warning.
 */
export function checkPolygon(polygon: Polygon, outlet: LatLng): PolygonCheck {
  const offTheMap = polygon.flatMap((vertex, i) => (onTheMap(vertex) ? [] : [i]));
  if (offTheMap.length > 0)
    return blocking({
      code: 'off_the_map',
      message: `${offTheMap.length === 1 ? 'Point' : 'Points'} ${offTheMap.map((i) => i + 1).join(', ')} ${offTheMap.length === 1 ? 'is' : 'are'} off the map: latitudes run from -90 to 90 and longitudes from -180 to 180.`,
      blocking: true,
      points: offTheMap,
    });
  if (polygon.length < MIN_POINTS)
    return blocking({
      code: 'too_few_points',
      message: `A zone needs at least ${MIN_POINTS} points; this one has ${polygon.length}.`,
      blocking: true,
      points: [],
    });
  const repeated = polygon.findIndex(([lat, lng], i) => {
    const [nextLat, nextLng] = polygon[(i + 1) % polygon.length] ?? [NaN, NaN];
    return lat === nextLat && lng === nextLng;
  });
  if (repeated >= 0) {
    const next = (repeated + 1) % polygon.length;
    const [first, second] = [Math.min(repeated, next), Math.max(repeated, next)];
    return blocking({
      code: 'repeated_point',
      message: `Points ${first + 1} and ${second + 1} are in the same place. Remove one of them.`,
      blocking: true,
      points: [first, second],
    });
  }
  if (allInLine(polygon))
    return blocking({
      code: 'no_area',
      message: 'The points lie on one line, so the zone covers no ground. Move a point off the line.',
      blocking: true,
      points: polygon.map((_, i) => i),
    });
  const crossing = firstCrossing(polygon);
  if (crossing) return blocking(crossing);
  if (!insidePolygon(outlet, polygon))
    return {
      usable: true,
      problems: [{ code: 'outlet_outside', message: 'This zone does not include the outlet itself.', blocking: false, points: [] }],
    };
  return { usable: true, problems: [] };
}
