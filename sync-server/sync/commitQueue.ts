/**
 * Runs a document's writes one at a time, in the order they were asked for: each starts once the one
 * before has settled, whether it succeeded or failed. Per-document ordering of commits rests on this
 * (on one node) and on the (doc, seq) key (across nodes).
 */
export class CommitQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  run<T>(work: () => Promise<T>): Promise<T> {
    this.waiting += 1;
    const result = this.tail.then(work).finally(() => {
      this.waiting -= 1;
    });
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves once everything asked for so far has settled. */
  async drained(): Promise<void> {
    while (this.waiting > 0) await this.tail;
  }
}
