import type { Subscriber } from './syncedDoc';

/** Marks a change the server made itself (projections, order creation), applied once it is stored. */
export const SERVER_ORIGIN = Symbol('server');
/** The stored state a document was loaded from: already everywhere, relayed to nobody. */
export const LOAD_ORIGIN = Symbol('load');
/** Updates another writer (node) stored, read back from storage or heard through fan-out, and applied here. */
export const STORED_ORIGIN = Symbol('stored');

/** A device's update, applied once stored; it is relayed to every subscriber but the one that sent it. */
export class ClientOrigin {
  constructor(readonly subscriber: Subscriber) {}
}
