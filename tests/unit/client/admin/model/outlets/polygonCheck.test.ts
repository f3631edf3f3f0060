import { describe, expect, it } from 'vitest';
import { checkPolygon } from '../../../../../../client/admin/model/outlets/polygonCheck';
import type { Polygon } from '../../../../../../client/admin/model/outlets/polygonEdit';
import { insidePolygon } from '../../../../../../shared/catalog/zones';
import { NE, NW, OUTLET, SE, SQUARE, SW } from '../../support/zoneShapes';

describe('checkPolygon', () => {
  it('passes a square around the outlet with nothing to say', () => {
    expect(checkPolygon(SQUARE, OUTLET)).toEqual({ usable: true, problems: [] });
  });

  it('passes a concave outline, and warns when the outlet sits in its notch', () => {
    // An L: the square without its north-east quarter, where the outlet is put.
    const ell: Polygon = [SW, SE, [12.97, 77.62], [12.97, 77.595], [12.99, 77.595], NW];
    expect(checkPolygon(ell, { lat: 12.96, lng: 77.58 })).toEqual({ usable: true, problems: [] });
    expect(checkPolygon(ell, { lat: 12.98, lng: 77.61 })).toEqual({
      usable: true,
      problems: [{ code: 'outlet_outside', message: 'This zone does not include the outlet itself.', blocking: false, points: [] }],
    });
  });

  it('warns, without refusing, about a zone across town that leaves the outlet out', () => {
    const result = checkPolygon(SQUARE, { lat: 13.1, lng: 77.7 });
    expect(result.usable).toBe(true);
    expect(result.problems.map((p) => p.message)).toEqual(['This zone does not include the outlet itself.']);
  });

  it('agrees with zoneFor about whether the outlet is inside, at the very edge too', () => {
    for (const outlet of [
      { lat: 12.95, lng: 77.6 },
      { lat: 12.99, lng: 77.6 },
      { lat: 12.97, lng: 77.57 },
      { lat: 12.97, lng: 77.62 },
    ]) {
      const warned = checkPolygon(SQUARE, outlet).problems.some((p) => p.code === 'outlet_outside');
      expect(warned).toBe(!insidePolygon(outlet, SQUARE));
    }
  });

  it('refuses a bow tie and names the two sides that cross', () => {
    expect(checkPolygon([NW, NE, SW, SE], OUTLET)).toEqual({
      usable: false,
      problems: [
        {
          code: 'crosses_itself',
          message:
            'The outline crosses itself: the side from point 2 to point 3 meets the side from point 4 to point 1. Move a point so that no sides cross.',
          blocking: true,
          points: [1, 2, 3, 0],
        },
      ],
    });
  });

  it('refuses an outline where a corner touches a side that is not its own', () => {
    // Point 4 is pulled in to lie on the side from point 1 to point 2.
    const touching: Polygon = [NW, NE, SE, [12.99, 77.6], SW];
    const result = checkPolygon(touching, OUTLET);
    expect(result.usable).toBe(false);
    expect(result.problems[0]?.code).toBe('crosses_itself');
  });

  it('refuses a figure eight whose crossing sides are far apart in the list', () => {
    const eight: Polygon = [
      [0, 0],
      [0.01, 0.01],
      [0.02, 0],
      [0.03, 0.01],
      [0.03, -0.01],
      [0.02, 0.005],
      [0.01, -0.01],
    ];
    const result = checkPolygon(eight, { lat: 0.01, lng: 0 });
    expect(result.usable).toBe(false);
    expect(result.problems[0]?.code).toBe('crosses_itself');
  });

  it('refuses an outline that runs back along the side it came by', () => {
    const spur: Polygon = [
      [0, 0],
      [0, 0.02],
      [0, 0.01],
      [0.01, 0.01],
    ];
    expect(checkPolygon(spur, { lat: 0.002, lng: 0.01 }).problems).toEqual([
      {
        code: 'crosses_itself',
        message: 'The outline doubles back on itself at point 2. Move that point or one beside it.',
        blocking: true,
        points: [1],
      },
    ]);
  });

  it('passes three points in a row along a side, which turn straight on rather than back', () => {
    expect(checkPolygon([NW, [12.99, 77.6], NE, SE, SW], OUTLET)).toEqual({ usable: true, problems: [] });
  });

  it('refuses fewer than three points', () => {
    expect(checkPolygon([NW, NE], OUTLET)).toEqual({
      usable: false,
      problems: [{ code: 'too_few_points', message: 'A zone needs at least 3 points; this one has 2.', blocking: true, points: [] }],
    });
  });

  it('refuses two points in the same place, the last repeating the first included', () => {
    expect(checkPolygon([NW, NE, NE, SE], OUTLET).problems).toEqual([
      { code: 'repeated_point', message: 'Points 2 and 3 are in the same place. Remove one of them.', blocking: true, points: [1, 2] },
    ]);
    expect(checkPolygon([NW, NE, SE, SW, NW], OUTLET).problems).toEqual([
      { code: 'repeated_point', message: 'Points 1 and 5 are in the same place. Remove one of them.', blocking: true, points: [0, 4] },
    ]);
  });

  it('refuses points on one line, which cover no ground', () => {
    const line: Polygon = [
      [12.9, 77.5],
      [12.95, 77.55],
      [13, 77.6],
    ];
    const result = checkPolygon(line, OUTLET);
    expect(result.usable).toBe(false);
    expect(result.problems.map((p) => p.code)).toEqual(['no_area']);
  });

  it('passes a sliver one grid step wide, which still covers ground', () => {
    const sliver: Polygon = [
      [12.9, 77.5],
      [12.95, 77.55],
      [13, 77.600001],
    ];
    expect(checkPolygon(sliver, OUTLET).usable).toBe(true);
  });

  it('refuses points off the map, naming each', () => {
    expect(checkPolygon([NW, [91, 77.6], SE, [12.95, -181]], OUTLET).problems).toEqual([
      {
        code: 'off_the_map',
        message: 'Points 2, 4 are off the map: latitudes run from -90 to 90 and longitudes from -180 to 180.',
        blocking: true,
        points: [1, 3],
      },
    ]);
    expect(checkPolygon([NW, [Number.NaN, 77.6], SE], OUTLET).problems[0]?.message).toBe(
      'Point 2 is off the map: latitudes run from -90 to 90 and longitudes from -180 to 180.',
    );
  });
});
