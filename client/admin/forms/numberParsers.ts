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

/** A tax rate typed as a percentage ("5", "2.5 %", "12.25") in basis points within [min, max], or null. */
export const percentInBasisPoints =
  (min: number, max: number) =>
  (text: string): number | null => {
    const match = /^\s*(\d{1,3})(?:[.,](\d{1,2}))?\s*%?\s*$/.exec(text);
    if (!match) return null;
    const basisPoints = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
    return basisPoints >= min && basisPoints <= max ? basisPoints : null;
  };

/** Basis points as a percentage to type over: 250 → "2.5". */
export const basisPointsAsPercent = (basisPoints: number): string => String(basisPoints / 100);
