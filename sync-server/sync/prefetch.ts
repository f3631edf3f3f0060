/**
 * Subscriptions decided at once for one connection, ahead of its handlers. A device coming back online sends a
 * step1 for every document it holds in one burst; its connection answers them strictly in order, and a
 * document not in memory costs an account recheck, an access lookup, a fan-out SUBSCRIBE and a storage
 * transaction, round trips that would otherwise run one after another. Enough to overlap those round trips
 * without one device taking every pooled storage connection (PostgreSQL's pool has 10) from the other sockets
 * of the node.
 */
export const PREFETCH_LIMIT = 16;

/**
 * Decides a subscription ahead of its turn, quietly: no answer, no count, no close, only what the handler will
 * answer in turn. A verdict may hold a document (`release` lets go of it); `abandoned()` turns true once no
 * handler will take the verdict, so that a decision still under way need not load the document.
 */
export type Decide<V> = (name: string, abandoned: () => boolean) => Promise<V>;

interface Job<V> {
  readonly name: string;
  /** No handler will take this verdict (the connection closed): it is released as soon as it is there. */
  abandoned: boolean;
  decision: Promise<V> | null;
  verdict: V | null;
}

/**
 * Decides the subscriptions a connection's queued messages will ask for, at most `limit` at once, in the order
 * the messages came. The handler `take`s a verdict when the message's turn comes and from then on owns it (and
 * the document it may hold); when the connection closes, every verdict nobody took is released, now or as soon
 * as its decision ends. So each hold is let go of exactly once.
 */
export class DocPrefetch<V> {
  private readonly jobs = new Map<string, Job<V>>();
  private readonly queued: Job<V>[] = [];
  private running = 0;
  private closed = false;

  constructor(
    private readonly decide: Decide<V>,
    private readonly release: (verdict: V) => void,
    private readonly limit = PREFETCH_LIMIT,
  ) {}

  /** Starts deciding `name` after the ones asked for before it, unless that is already on its way. */
  start(name: string): void {
    if (this.closed || this.jobs.has(name)) return;
    const job: Job<V> = { name, abandoned: false, decision: null, verdict: null };
    this.jobs.set(name, job);
    this.queued.push(job);
    this.pump();
  }

  /**
   * The verdict on `name`, the caller's from now on; undefined when there is none under way (never asked, or
   * still waiting for a turn: then it is dropped, and the caller decides itself rather than wait for a slot).
   */
  take(name: string): Promise<V> | undefined {
    const job = this.jobs.get(name);
    if (!job) return undefined;
    this.jobs.delete(name);
    if (job.decision === null) job.abandoned = true;
    return job.decision ?? undefined;
  }

  /** The connection closed: nothing more is decided, and every verdict nobody took is released. */
  close(): void {
    this.closed = true;
    for (const job of this.jobs.values()) {
      job.abandoned = true;
      if (job.verdict !== null) this.release(job.verdict);
    }
    this.jobs.clear();
  }

  private pump(): void {
    while (this.running < this.limit) {
      const job = this.queued.shift();
      if (!job) return;
      if (job.abandoned) continue;
      this.running += 1;
      this.run(job);
    }
  }

  private run(job: Job<V>): void {
    const decision = this.decide(job.name, () => job.abandoned);
    job.decision = decision;
    const settled = (): void => {
      this.running -= 1;
      this.pump();
    };
    decision.then(
      (verdict) => {
        if (job.abandoned) this.release(verdict);
        else job.verdict = verdict;
        settled();
      },
      // The handler that takes it meets the failure, as it would have deciding itself; if none does, nothing is held.
      settled,
    );
  }
}
