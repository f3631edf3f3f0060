import type { Db } from '../db';

/**
 * Lets the WAL checkpointer hold the group commit (storage/groupCommit.ts) for the moment it copies the
 * last frames. SQLite starts its WAL over only when a write begins with every frame already copied into
 * the database file; a node that commits without pause never gives a checkpoint that moment, and its WAL
 * grew for as long as the load lasted (480 MB after 40 s at 500 updates/s in bench:sync), every append
 * extending the file (one was caught waiting 45 ms in the kernel behind the checkpoint's sync). Held
 * appends wait in the group's queue: nothing is answered before its commit, and the event loop goes on.
 */
export class WriteGate {
  private held: Promise<void> | null = null;

  /** Resolves once appends may commit again; null while they may. */
  get closed(): Promise<void> | null {
    return this.held;
  }

  /** Runs `fn` with appends held; they go on once it settles. */
  async hold<T>(fn: () => Promise<T>): Promise<T> {
    let open = (): void => undefined;
    const held = new Promise<void>((resolve) => {
      open = resolve;
    });
    this.held = held;
    try {
      return await fn();
    } finally {
      if (this.held === held) this.held = null;
      open();
    }
  }
}

const gates = new WeakMap<Db, WriteGate>();

/** The one gate of a SQLite handle, shared by its checkpointer and its group commit. */
export function writeGateOf(raw: Db): WriteGate {
  let gate = gates.get(raw);
  if (!gate) {
    gate = new WriteGate();
    gates.set(raw, gate);
  }
  return gate;
}
