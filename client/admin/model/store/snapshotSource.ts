/**
 * A value screens follow with useSyncExternalStore: `subscribe` and `getSnapshot` as React wants them,
 * and `publish` for the owner to replace the value and tell every screen.
 */
export class SnapshotSource<T> {
  private readonly listeners = new Set<() => void>();

  constructor(private current: T) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): T => this.current;

  protected publish(next: T): void {
    if (Object.is(next, this.current)) return;
    this.current = next;
    for (const listener of this.listeners) listener();
  }
}
