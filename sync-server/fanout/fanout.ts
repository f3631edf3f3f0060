import type { FanoutMessage } from './fanoutMessage';

/** How fan-out between nodes stands: off (one node), ok, or degraded (Redis away: nodes catch up when it is back). */
export type FanoutStatus = 'off' | 'ok' | 'degraded';

/**
 * Tells the other nodes what this one committed to a document, and hears what they committed. Delivery
 * is best effort: a message may be lost while Redis is away, so every message carries the document's
 * seq and a node that notices a gap (or was cut off) reads what it missed from storage.
 */
export interface Fanout {
  /**
   * Starts hearing `doc`. Resolves once every message published afterwards will be heard, so a node that
   * reads storage after this misses nothing in between (or at once, when Redis is away: the node catches
   * up once it is back, see `onResumed`). Messages from this node itself are never heard.
   */
  follow(doc: string, hear: (message: FanoutMessage) => void): Promise<void>;
  unfollow(doc: string): void;
  /** Never throws and never waits: a message that cannot go now is made up for later (a `head`). */
  publish(doc: string, message: FanoutMessage): void;
  /** `resumed` runs after this node may have missed messages (a reconnection): followed documents catch up. */
  onResumed(resumed: () => void): void;
  status(): FanoutStatus;
  close(): Promise<void>;
}

/** One node: nothing to tell and nobody to hear. */
export const singleNode: Fanout = {
  follow: () => Promise.resolve(),
  unfollow: () => undefined,
  publish: () => undefined,
  onResumed: () => undefined,
  status: () => 'off',
  close: () => Promise.resolve(),
};
