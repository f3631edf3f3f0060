import { describe, expect, it } from 'vitest';
import type { DeliveryZone } from '../../../../shared/catalog/menu';
import { distanceMeters, insidePolygon, zoneFor } from '../../../../shared/catalog/zones';

type Polygon = DeliveryZone['polygon'];
const square: Polygon = [
  [12.9, 77.5],
  [12.9, 77.7],
  [13.0, 77.7],
  [13.0, 77.5],
];
/** An L: the square above without its north-east quarter. */
const ell: Polygon = [
  [12.9, 77.5],
  [12.9, 77.7],
  [12.95, 77.7],
  [12.95, 77.6],
  [13.0, 77.6],
  [13.0, 77.5],
];

describe('insidePolygon', () => {
  it('finds a point inside and refuses points beyond each side', () => {
    expect(insidePolygon({ lat: 12.95, lng: 77.6 }, square)).toBe(true);
    expect(insidePolygon({ lat: 12.85, lng: 77.6 }, square)).toBe(false);
    expect(insidePolygon({ lat: 13.05, lng: 77.6 }, square)).toBe(false);
    expect(insidePolygon({ lat: 12.95, lng: 77.45 }, square)).toBe(false);
    expect(insidePolygon({ lat: 12.95, lng: 77.75 }, square)).toBe(false);
  });

  it('does not depend on the winding order of the points', () => {
    const reversed = [...square].reverse();
    expect(insidePolygon({ lat: 12.95, lng: 77.6 }, reversed)).toBe(true);
    expect(insidePolygon({ lat: 12.85, lng: 77.6 }, reversed)).toBe(false);
  });

  it('leaves out the notch of a concave polygon', () => {
    expect(insidePolygon({ lat: 12.975, lng: 77.65 }, ell)).toBe(false);
    expect(insidePolygon({ lat: 12.975, lng: 77.55 }, ell)).toBe(true);
    expect(insidePolygon({ lat: 12.925, lng: 77.65 }, ell)).toBe(true);
  });

  it('handles a triangle and a thin diagonal edge', () => {
    const triangle: Polygon = [
      [0, 0],
      [0, 10],
      [10, 0],
    ];
    expect(insidePolygon({ lat: 2, lng: 2 }, triangle)).toBe(true);
    expect(insidePolygon({ lat: 6, lng: 6 }, triangle)).toBe(false);
    expect(insidePolygon({ lat: 4.9, lng: 5 }, triangle)).toBe(true);
  });
});

describe('zoneFor', () => {
  const zone = (id: string, polygon: Polygon): DeliveryZone => ({ id, name: id, polygon, fee: 0, minimumOrder: 0 });
  const central = zone('central', square);
  const outer = zone('outer', [
    [12.8, 77.4],
    [12.8, 77.8],
    [13.1, 77.8],
    [13.1, 77.4],
  ]);

  it('returns the first zone in the outlet order that holds the point', () => {
    expect(zoneFor([central, outer], { lat: 12.95, lng: 77.6 })?.id).toBe('central');
    expect(zoneFor([outer, central], { lat: 12.95, lng: 77.6 })?.id).toBe('outer');
    expect(zoneFor([central, outer], { lat: 13.05, lng: 77.6 })?.id).toBe('outer');
  });

  it('returns null outside every zone, and when there are none', () => {
    expect(zoneFor([central, outer], { lat: 12.3, lng: 76.6 })).toBeNull();
    expect(zoneFor([], { lat: 12.95, lng: 77.6 })).toBeNull();
  });
});

describe('distanceMeters', () => {
  it('is zero from a point to itself and the same both ways', () => {
    const a = { lat: 12.9756, lng: 77.6066 };
    const b = { lat: 12.3052, lng: 76.6552 };
    expect(distanceMeters(a, a)).toBe(0);
    expect(distanceMeters(a, b)).toBeCloseTo(distanceMeters(b, a), 6);
  });

  it('measures great-circle distances in metres', () => {
    // One degree of latitude along a meridian is 2πR/360 on a sphere of R = 6371 km.
    expect(distanceMeters({ lat: 0, lng: 0 }, { lat: 1, lng: 0 })).toBeCloseTo(111_195, 0);
    // A degree of longitude shrinks with the cosine of the latitude.
    expect(distanceMeters({ lat: 60, lng: 0 }, { lat: 60, lng: 1 })).toBeCloseTo(55_597, -1);
    // MG Road, Bengaluru to Mysuru Palace: about 128 km as the crow flies.
    expect(distanceMeters({ lat: 12.9756, lng: 77.6066 }, { lat: 12.3052, lng: 76.6552 }) / 1000).toBeCloseTo(127.7, 0);
    // Antipodes: half the circumference.
    expect(distanceMeters({ lat: 0, lng: 0 }, { lat: 0, lng: 180 })).toBeCloseTo(Math.PI * 6_371_000, 0);
  });
});
