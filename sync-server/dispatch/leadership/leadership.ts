/** One term of this node as the dispatch leader. */
export interface Term {
  /**
   * Above every earlier term's, on any node (storage/dispatchFence.ts): each write of the term is checked
   * against it. Null on a node alone, where no other leader can exist and nothing is fenced.
   */
  readonly fence: number | null;
}

/** What the node does as its leadership comes and goes. */
export interface Campaign {
  /** This node leads from now until `deposed(term)`; the lease is kept meanwhile, whatever this takes. */
  elected(term: Term): Promise<void>;
  /**
   * The term is over (its lease lost or given up, or its fence refused): nothing more may be decided in it.
   * Resolves once the decision in progress has settled; only a closing node waits for that.
   */
  deposed(term: Term): Promise<void>;
}

/**
 * Who decides dispatch: exactly one node at a time. Dispatch serializes its decisions in one process, so
 * with several nodes only the leader makes them; the others hand their work to it.
 */
export interface Leadership {
  /** Campaigns; resolves after the first attempt and, when it won, once `elected` has resolved. */
  start(campaign: Campaign): Promise<void>;
  /** A write of `term` was refused by the fence: another node leads. Ends the term, if it is still on. */
  resign(term: Term): void;
  /** Stops campaigning; a term still on is deposed first, then its lease given up so another node takes over at once. */
  close(): Promise<void>;
}

/** A node alone (SQLite, or no Redis to elect through): it always leads, in one term with nothing to fence. */
export class SoloLeadership implements Leadership {
  private campaign: Campaign | null = null;
  private readonly term: Term = { fence: null };

  start(campaign: Campaign): Promise<void> {
    this.campaign = campaign;
    return campaign.elected(this.term);
  }

  resign(): void {
    // Nothing fences a node alone, so no write of its is ever refused.
  }

  async close(): Promise<void> {
    const campaign = this.campaign;
    this.campaign = null;
    await campaign?.deposed(this.term);
  }
}
