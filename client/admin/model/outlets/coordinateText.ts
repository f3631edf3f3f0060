import { fail, ok, type Result } from '../../../../shared/result';
import { roundCoordinate } from './polygonEdit';

export type CoordinateAxis = 'lat' | 'lng';
export type CoordinateRefusal = 'empty' | 'not_a_number' | 'off_the_map';

const AXES: Readonly<Record<CoordinateAxis, { readonly name: string; readonly limit: number }>> = {
  lat: { name: 'latitude', limit: 90 },
  lng: { name: 'longitude', limit: 180 },
};

/**
 * What an admin typed into a point's latitude or longitude field, as a coordinate the zone may hold
 * (rounded as the editor rounds), or why it cannot be one. A number field hands over "" for text it
 * cannot read, so "empty" covers that too.
 */
export function parseCoordinate(text: string, axis: CoordinateAxis): Result<number, CoordinateRefusal> {
  const { name, limit } = AXES[axis];
  const trimmed = text.trim();
  if (trimmed === '') return fail('empty', `Enter a ${name} in degrees, such as ${axis === 'lat' ? '12.9716' : '77.5946'}.`);
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return fail('not_a_number', `“${trimmed}” is not a number of degrees.`);
  if (Math.abs(value) > limit) return fail('off_the_map', `A ${name} runs from -${limit} to ${limit}.`);
  return ok(roundCoordinate(value));
}
