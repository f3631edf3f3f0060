import type { SyncedDoc } from '../sync/syncedDoc';

/**
 * What a projection last brought up to date for each loaded document, as a key of the inputs it reads
 * from the order (its status and driver, its timings, what the customer sees). Most commits (notes, a
 * tablet's late update) change none of them: with the key unchanged, the projection skips its reads and
 * writes, so its cost per commit does not grow with the rows and documents it keeps. Kept per loaded
 * document and forgotten with it: the first commit after a load always projects.
 */
export class LastProjected {
  private readonly keys = new WeakMap<SyncedDoc, string>();

  /** True when `key` is what was last projected for `doc`. */
  holds(doc: SyncedDoc, key: string): boolean {
    return this.keys.get(doc) === key;
  }

  /** `doc` is projected as of `key`. */
  record(doc: SyncedDoc, key: string): void {
    this.keys.set(doc, key);
  }
}
