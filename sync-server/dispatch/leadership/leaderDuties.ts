/** Work that runs while it is started and stops, after the pass in progress, when closed. */
export interface Duty {
  close(): Promise<void>;
}

/**
 * Periodic work only one node should do (the outlet watch, inbox pruning, retention sweeps): with several
 * nodes every one would repeat it, and the outlet watch would wake an outlet once per node. It runs on the
 * dispatch leader: started with each term this node wins, stopped when the term ends.
 */
export class LeaderDuties {
  private readonly starts: Array<() => Duty> = [];
  private running: Duty[] | null = null;

  /** Adds a duty; it starts at once when this node leads now. */
  add(start: () => Duty): void {
    this.starts.push(start);
    this.running?.push(start());
  }

  elected(): void {
    if (this.running) return;
    this.running = this.starts.map((start) => start());
  }

  /** Stops every running duty; resolves once each finished the pass it was in. */
  async deposed(): Promise<void> {
    const running = this.running ?? [];
    this.running = null;
    await Promise.all(running.map((duty) => duty.close()));
  }

  get active(): number {
    return this.running?.length ?? 0;
  }
}
