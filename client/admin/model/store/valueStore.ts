import { SnapshotSource } from './snapshotSource';

/** One value screens share and follow (a filter that outlives a visit to an order), in memory only. */
export class ValueStore<T> extends SnapshotSource<T> {
  set(value: T): void {
    this.publish(value);
  }
}
