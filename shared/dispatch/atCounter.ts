import { distanceMeters, type LatLng } from '../catalog/zones';

/**
 * How close to the outlet a driver's phone must be for the counter to be told they have arrived: a
 * phone fix is often some tens of metres off, and a driver parks down the street, so the door itself
 * would rarely be reached, while a block further they are still on their way.
 */
export const AT_COUNTER_METERS = 150;

/** Whether a driver's position puts them at the outlet, to collect an order there. */
export const atCounter = (position: LatLng, outlet: LatLng): boolean => distanceMeters(position, outlet) <= AT_COUNTER_METERS;
