import { parseCoordinate, type CoordinateAxis } from '../model/outlets/coordinateText';

/** A whole number in [min, max] as typed, or null. */
export const wholeNumberIn =
  (min: number, max: number) =>
  (text: string): number | null => {
    if (!/^\s*-?\d+\s*$/.test(text)) return null;
    const n = Number(text);
    return n >= min && n <= max ? n : null;
  };

const coordinate =
  (axis: CoordinateAxis) =>
  (text: string): number | null => {
    const parsed = parseCoordinate(text, axis);
    return parsed.ok ? parsed.value : null;
  };

/** A latitude or longitude as typed, rounded as zone outlines are, or null. */
export const latitudeOf = coordinate('lat');
export const longitudeOf = coordinate('lng');

export const plainNumber = (n: number): string => String(n);
