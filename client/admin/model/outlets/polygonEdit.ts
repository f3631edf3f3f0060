import type { LatLng } from '../../../../shared/catalog/zones';
import { fail, ok, type Result } from '../../../../shared/result';

/** One corner of a delivery zone, `[lat, lng]` as `deliveryZoneSchema` stores it. */
export type Vertex = readonly [lat: number, lng: number];
export type Polygon = readonly Vertex[];

/** `deliveryZoneSchema` takes no fewer; `zoneFor` needs an area to test addresses against. */
export const MIN_POINTS = 3;

/** Six decimals of a degree is about 11 cm: finer than anyone can place a point, and it keeps documents small. */
const SCALE = 1e6;
const EARTH_RADIUS_M = 6_371_000;
const DEG = Math.PI / 180;

export function roundCoordinate(value: number): number {
  const rounded = Math.round(value * SCALE) / SCALE;
  // -0 would print as "0" in an input yet fail Object.is checks against the 0 it came from.
  return rounded === 0 ? 0 : rounded;
}

export const roundVertex = ([lat, lng]: Vertex): Vertex => [roundCoordinate(lat), roundCoordinate(lng)];

export interface AddedVertex {
  readonly polygon: Polygon;
  /** Where the new point went, so the editor can select it or focus its fields. */
  readonly index: number;
}

/** A flat map around one latitude, in degrees of latitude: a degree of longitude shrinks with cos(lat), so "closest" matches what the admin sees. */
interface Plane {
  readonly x: number;
  readonly y: number;
}

function projector(lat: number): (vertex: Vertex) => Plane {
  const shrink = Math.cos(lat * DEG);
  return ([vLat, vLng]) => ({ x: vLng * shrink, y: vLat });
}

const planeDistance = (a: Plane, b: Plane): number => Math.hypot(a.x - b.x, a.y - b.y);

function distanceToSegment(p: Plane, a: Plane, b: Plane): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2));
  return planeDistance(p, { x: a.x + t * dx, y: a.y + t * dy });
}

function vertexAt(polygon: Polygon, index: number): Vertex {
  const vertex = polygon[index];
  if (!Number.isInteger(index) || !vertex) throw new RangeError(`no point ${index} in a polygon of ${polygon.length}`);
  return vertex;
}

/** Distances closer than this (in degrees, about 1 mm) are a tie: the click sits off a corner both edges share. */
const TIE = 1e-8;

/** Twice the signed area on the plane: positive when the outline runs anticlockwise (x east, y north). */
function signedArea(points: readonly Plane[]): number {
  return points.reduce((sum, a, i) => {
    const b = points[(i + 1) % points.length] ?? a;
    return sum + a.x * b.y - b.x * a.y;
  }, 0);
}

/**
 * Puts a clicked point into the edge it is closest to, so a click just outside a side pushes that side
 * out instead of folding the outline back to the last point. A click off a corner is as close to both
 * edges there; it goes into the one whose line it lies farthest outside, which bends the outline the way
 * the click leans and, at a sharp corner, keeps the outline from crossing itself.
 */
export function addVertex(polygon: Polygon, at: Vertex): AddedVertex {
  const point = roundVertex(at);
  if (polygon.length < 2) return { polygon: [...polygon, point], index: polygon.length };
  const project = projector(point[0]);
  const p = project(point);
  const corners = polygon.map(project);
  // The inside is on the left of each edge of an anticlockwise outline, on the right of a clockwise one.
  const inward = signedArea(corners) < 0 ? -1 : 1;
  let best = { edge: 0, distance: Infinity, outside: -Infinity };
  corners.forEach((a, edge) => {
    const b = corners[(edge + 1) % corners.length] ?? a;
    const distance = distanceToSegment(p, a, b);
    const length = planeDistance(a, b);
    const outside = length === 0 ? 0 : (-inward * ((b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x))) / length;
    if (distance < best.distance - TIE || (distance <= best.distance + TIE && outside > best.outside)) best = { edge, distance, outside };
  });
  const index = best.edge + 1;
  return { polygon: [...polygon.slice(0, index), point, ...polygon.slice(index)], index };
}

/** Splits an edge (from point `edge` to the next, the last one closing back to the first) at its middle: the shape stays the same. */
export function splitEdge(polygon: Polygon, edge: number): AddedVertex {
  const [latA, lngA] = vertexAt(polygon, edge);
  const [latB, lngB] = vertexAt(polygon, (edge + 1) % polygon.length);
  const index = edge + 1;
  const middle = roundVertex([(latA + latB) / 2, (lngA + lngB) / 2]);
  return { polygon: [...polygon.slice(0, index), middle, ...polygon.slice(index)], index };
}

export function moveVertex(polygon: Polygon, index: number, to: Vertex): Polygon {
  vertexAt(polygon, index);
  const moved = roundVertex(to);
  return polygon.map((vertex, i) => (i === index ? moved : vertex));
}

export type RemoveRefusal = 'too_few_points';

export function removeVertex(polygon: Polygon, index: number): Result<Polygon, RemoveRefusal> {
  vertexAt(polygon, index);
  if (polygon.length <= MIN_POINTS)
    return fail(
      'too_few_points',
      `A zone needs at least ${MIN_POINTS} points, so point ${index + 1} cannot go. Move it instead, or add another point first.`,
    );
  return ok(polygon.filter((_, i) => i !== index));
}

/**
 * A square centred on the outlet whose sides are `radiusMeters` north, south, east and west of it,
 * corners clockwise from the north-west. Latitudes stop at the poles; a square across the
 * antimeridian is not drawn (no outlet is near either).
 */
export function squareAround(center: LatLng, radiusMeters: number): Polygon {
  if (!(radiusMeters > 0) || !Number.isFinite(radiusMeters)) throw new RangeError(`a square needs a positive radius, got ${radiusMeters}`);
  const dLat = radiusMeters / EARTH_RADIUS_M / DEG;
  const dLng = dLat / Math.max(Math.cos(center.lat * DEG), 1e-6);
  const lat = (value: number): number => Math.max(-90, Math.min(90, value));
  const lng = (value: number): number => Math.max(-180, Math.min(180, value));
  const north = lat(center.lat + dLat);
  const south = lat(center.lat - dLat);
  const west = lng(center.lng - dLng);
  const east = lng(center.lng + dLng);
  return [roundVertex([north, west]), roundVertex([north, east]), roundVertex([south, east]), roundVertex([south, west])];
}
