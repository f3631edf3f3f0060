import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPolygon } from '../../../../../../client/admin/model/outlets/polygonCheck';
import {
  addVertex,
  moveVertex,
  removeVertex,
  roundCoordinate,
  splitEdge,
  squareAround,
  type Polygon,
  type Vertex,
} from '../../../../../../client/admin/model/outlets/polygonEdit';
import { distanceMeters } from '../../../../../../shared/catalog/zones';
import { NE, NW, OUTLET, SE, SQUARE, SW } from '../../support/zoneShapes';

/** Whether `p` lies on the segment a–b, on the plane x = lng, y = lat. */
const onSegment = (a: Vertex, b: Vertex, p: Vertex): boolean =>
  Math.abs((b[1] - a[1]) * (p[0] - a[0]) - (b[0] - a[0]) * (p[1] - a[1])) < 1e-12 &&
  Math.min(a[0], b[0]) <= p[0] &&
  p[0] <= Math.max(a[0], b[0]) &&
  Math.min(a[1], b[1]) <= p[1] &&
  p[1] <= Math.max(a[1], b[1]);

describe('addVertex', () => {
  it('puts a click just outside a side between that side’s corners, not after the last point', () => {
    const added = addVertex(SQUARE, [12.97, 77.625]);
    expect(added).toEqual({ polygon: [NW, NE, [12.97, 77.625], SE, SW], index: 2 });
    expect(checkPolygon(added.polygon, OUTLET).usable).toBe(true);
  });

  it('puts a click by the closing side (the last point back to the first) at the end', () => {
    expect(addVertex(SQUARE, [12.97, 77.565])).toEqual({ polygon: [NW, NE, SE, SW, [12.97, 77.565]], index: 4 });
  });

  it('puts a click inside the zone into the side nearest it, pulling that side in', () => {
    expect(addVertex(SQUARE, [12.985, 77.6]).index).toBe(1);
    expect(addVertex(SQUARE, [12.96, 77.6]).index).toBe(3);
  });

  it('gives a click off a corner to the side it leans past', () => {
    // North-east of NE: 0.009° north against 0.001° east, so it lies beyond the north side.
    expect(addVertex(SQUARE, [12.999, 77.621]).index).toBe(1);
    // 0.002° north against 0.01° east: beyond the east side.
    expect(addVertex(SQUARE, [12.992, 77.63]).index).toBe(2);
  });

  it('keeps the outline from crossing itself at a sharp corner, where the nearer-looking side would', () => {
    // A thin triangle pointing west; the click is west of the tip, a little north, inside the line of the lower side.
    const spike: Polygon = [
      [0, 0],
      [0.01, 0.1],
      [-0.01, 0.1],
    ];
    const north = addVertex(spike, [0.003, -0.001]);
    expect(north.index).toBe(1);
    expect(checkPolygon(north.polygon, { lat: 0, lng: 0.05 })).toEqual({ usable: true, problems: [] });
    // Its mirror image, south of the tip, belongs to the closing side instead.
    const south = addVertex(spike, [-0.003, -0.001]);
    expect(south.index).toBe(3);
    expect(checkPolygon(south.polygon, { lat: 0, lng: 0.05 })).toEqual({ usable: true, problems: [] });
  });

  it('rounds the new point to six decimals', () => {
    const added = addVertex(SQUARE, [12.970000049, 77.62500000051]);
    expect(added.polygon[added.index]).toEqual([12.97, 77.625]);
  });

  it('appends to an outline of fewer than two points, which has no sides yet', () => {
    expect(addVertex([], [1, 2])).toEqual({ polygon: [[1, 2]], index: 0 });
    expect(addVertex([[1, 2]], [3, 4])).toEqual({
      polygon: [
        [1, 2],
        [3, 4],
      ],
      index: 1,
    });
  });

  it('never makes a convex zone cross itself, wherever the click lands', () => {
    // A hexagon and a thin diamond (two sharp corners) around the outlet.
    const hexagon: Polygon = [0, 1, 2, 3, 4, 5].map((k): Vertex => {
      const angle = (k * Math.PI) / 3;
      return [roundCoordinate(OUTLET.lat + 0.02 * Math.sin(angle)), roundCoordinate(OUTLET.lng + 0.02 * Math.cos(angle))];
    });
    const diamond: Polygon = [
      [OUTLET.lat + 0.004, OUTLET.lng],
      [OUTLET.lat, OUTLET.lng + 0.05],
      [OUTLET.lat - 0.004, OUTLET.lng],
      [OUTLET.lat, OUTLET.lng - 0.05],
    ].map(([lat = 0, lng = 0]): Vertex => [roundCoordinate(lat), roundCoordinate(lng)]);
    const offset = fc.integer({ min: -60_000, max: 60_000 }).map((micro) => micro / 1e6);
    fc.assert(
      fc.property(fc.constantFrom(hexagon, diamond), offset, offset, (zone, dLat, dLng) => {
        const click: Vertex = [roundCoordinate(OUTLET.lat + dLat), roundCoordinate(OUTLET.lng + dLng)];
        fc.pre(!zone.some(([lat, lng]) => lat === click[0] && lng === click[1]));
        const { polygon } = addVertex(zone, click);
        expect(checkPolygon(polygon, OUTLET).problems.filter((p) => p.blocking)).toEqual([]);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('splitEdge', () => {
  it('adds the middle of the closing side at the end, leaving the shape as it was', () => {
    const added = splitEdge(SQUARE, 3);
    expect(added).toEqual({ polygon: [NW, NE, SE, SW, [12.97, 77.57]], index: 4 });
    expect(onSegment(SW, NW, [12.97, 77.57])).toBe(true);
  });

  it('adds the middle of an inner side right after its first corner, rounded', () => {
    const added = splitEdge(
      [
        [0, 0],
        [0.0000015, 0.0000025],
        [1, 0],
      ],
      0,
    );
    expect(added.index).toBe(1);
    expect(added.polygon[1]).toEqual([0.000001, 0.000001]);
  });

  it('refuses a side that is not there', () => {
    expect(() => splitEdge(SQUARE, 4)).toThrow(RangeError);
    expect(() => splitEdge([], 0)).toThrow(RangeError);
  });
});

describe('moveVertex', () => {
  it('moves one point, rounded, and leaves the rest and the original alone', () => {
    const before = [...SQUARE];
    expect(moveVertex(SQUARE, 1, [12.9912345678, 77.6254321])).toEqual([NW, [12.991235, 77.625432], SE, SW]);
    expect(SQUARE).toEqual(before);
  });

  it('refuses a point that is not there', () => {
    expect(() => moveVertex(SQUARE, 4, [0, 0])).toThrow(RangeError);
    expect(() => moveVertex(SQUARE, -1, [0, 0])).toThrow(RangeError);
    expect(() => moveVertex(SQUARE, 1.5, [0, 0])).toThrow(RangeError);
  });
});

describe('removeVertex', () => {
  it('removes one point', () => {
    expect(removeVertex(SQUARE, 2)).toEqual({ ok: true, value: [NW, NE, SW] });
  });

  it('refuses to leave fewer than three points, and says why', () => {
    const result = removeVertex([NW, NE, SE], 1);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('too_few_points');
    expect(result.error.message).toBe('A zone needs at least 3 points, so point 2 cannot go. Move it instead, or add another point first.');
  });

  it('refuses a point that is not there', () => {
    expect(() => removeVertex(SQUARE, 7)).toThrow(RangeError);
  });
});

describe('squareAround', () => {
  it('draws a square, clockwise from the north-west, whose sides are the radius from the outlet', () => {
    const square = squareAround(OUTLET, 3_000);
    expect(square).toHaveLength(4);
    const corner = (i: number): Vertex => square[i] ?? [NaN, NaN];
    const [nw, ne, se, sw] = [corner(0), corner(1), corner(2), corner(3)];
    expect(nw[0]).toBe(ne[0]);
    expect(sw[0]).toBe(se[0]);
    expect(nw[1]).toBe(sw[1]);
    expect(ne[1]).toBe(se[1]);
    expect(nw[0]).toBeGreaterThan(sw[0]);
    expect(ne[1]).toBeGreaterThan(nw[1]);
    const toSide = (lat: number, lng: number): number => distanceMeters(OUTLET, { lat, lng });
    for (const metres of [toSide(nw[0], OUTLET.lng), toSide(sw[0], OUTLET.lng), toSide(OUTLET.lat, nw[1]), toSide(OUTLET.lat, ne[1])])
      expect(metres).toBeCloseTo(3_000, -1);
    expect(checkPolygon(square, OUTLET)).toEqual({ usable: true, problems: [] });
  });

  it('rounds its corners to six decimals', () => {
    for (const [lat, lng] of squareAround(OUTLET, 1_234.5)) {
      expect(lat).toBe(roundCoordinate(lat));
      expect(lng).toBe(roundCoordinate(lng));
    }
  });

  it('is a usable zone containing the outlet anywhere an outlet could be', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -70, max: 70, noNaN: true }),
        fc.double({ min: -170, max: 170, noNaN: true }),
        fc.integer({ min: 100, max: 30_000 }),
        (lat, lng, radius) => {
          expect(checkPolygon(squareAround({ lat, lng }, radius), { lat, lng })).toEqual({ usable: true, problems: [] });
        },
      ),
    );
  });

  it('stops at the pole rather than leaving the map', () => {
    for (const [lat] of squareAround({ lat: 89.99, lng: 0 }, 5_000)) expect(lat).toBeLessThanOrEqual(90);
  });

  it('refuses a radius that is not a positive number of metres', () => {
    for (const radius of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => squareAround(OUTLET, radius)).toThrow(RangeError);
  });
});
