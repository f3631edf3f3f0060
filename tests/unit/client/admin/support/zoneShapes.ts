import type { Polygon, Vertex } from '../../../../../client/admin/model/outlets/polygonEdit';

/** An outlet in Bengaluru, inside SQUARE. */
export const OUTLET = { lat: 12.9716, lng: 77.5946 };
export const NW: Vertex = [12.99, 77.57];
export const NE: Vertex = [12.99, 77.62];
export const SE: Vertex = [12.95, 77.62];
export const SW: Vertex = [12.95, 77.57];
/** Clockwise from the north-west; the last side runs from SW back to NW. */
export const SQUARE: Polygon = [NW, NE, SE, SW];
