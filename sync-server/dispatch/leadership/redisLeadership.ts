import type { Logger } from '../../log';
import type { DispatchFence } from '../../storage/dispatchFence';
import type { Campaign, Leadership, Term } from './leadership';
import type { RedisLease } from './redisLease';

export interface LeaseTiming {
  /** How long the lease lives in Redis after it was taken or last renewed. */
  readonly leaseMs: number;
  /** How often the leader renews it: several tries fit in one lease. */
  readonly renewEveryMs: number;
  /** How often a node that does not lead tries to take it: takeover comes this soon after it expires. */
  readonly tryEveryMs: number;
  /** How long before the lease could expire the leader stops, when it has not renewed (clock rates differ). */
  readonly marginMs: number;
}

/** Renewed three times a lease, tried for six times a lease, stopping a tenth of it early. */
export const leaseTiming = (leaseMs: number): LeaseTiming => ({
  leaseMs,
  renewEveryMs: Math.round(leaseMs / 3),
  tryEveryMs: Math.round(leaseMs / 6),
  marginMs: Math.round(leaseMs / 10),
});

export interface RedisLeadershipOptions {
  readonly lease: RedisLease;
  readonly fences: Pick<DispatchFence, 'claim'>;
  readonly timing: LeaseTiming;
  readonly log: Logger;
}

interface Held extends Term {
  readonly fence: number;
}

/** A term just begun, and its `elected` (wrapped: an async function's result promise would wait for it). */
interface Begun {
  readonly elected: Promise<void>;
}

/**
 * Leadership by the Redis lease. A node that does not lead tries to take it every `tryEveryMs`; the
 * leader renews it every `renewEveryMs`. A term begins only once storage took its fence token (so a
 * counter Redis lost is caught and raised, never reused). The leader counts its lease from before it
 * asked Redis, so its own end comes before Redis's: when it has not renewed by then (Redis away, slow,
 * or this process paused) it stops, `marginMs` before the lease could have expired and another node
 * taken over. What a paused leader writes after that is refused by the fence.
 * Time here is the machine's monotonic clock: Redis expires keys on real time, whatever clock dispatch runs on.
 */
export class RedisLeadership implements Leadership {
  private campaign: Campaign | null = null;
  private term: Held | null = null;
  private nextTick: NodeJS.Timeout | null = null;
  private deadline: NodeJS.Timeout | null = null;
  private closed = false;
  /** The last failure logged, so an outage is one line rather than one a second. */
  private failing: string | null = null;

  constructor(private readonly o: RedisLeadershipOptions) {}

  async start(campaign: Campaign): Promise<void> {
    this.campaign = campaign;
    const begun = await this.tick();
    await begun?.elected;
  }

  resign(term: Term): void {
    if (this.term === term) void this.depose(this.term, 'a write was refused by the fence: another node leads');
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.nextTick) clearTimeout(this.nextTick);
    const term = this.term;
    if (term) {
      // The decision in progress settles first, so the next leader starts from what it stored.
      await this.depose(term, 'the server is closing');
      await this.o.lease.release(term.fence).catch(() => undefined);
    }
    this.campaign = null;
  }

  /** One renewal or attempt; resolves with the `elected` of a term it began, for start to wait on. */
  private async tick(): Promise<Begun | null> {
    const started = performance.now();
    let begun: Begun | null = null;
    try {
      if (this.term) await this.renew(this.term);
      else begun = await this.campaignOnce();
      if (this.failing !== null) this.o.log.info('dispatch lease: Redis answers again');
      this.failing = null;
    } catch (err: unknown) {
      const message = err instanceof Error ? err.message : String(err);
      if (this.failing === null) this.o.log.error('dispatch lease: Redis did not answer; retrying', { error: message });
      this.failing = message;
    }
    if (!this.closed) {
      const every = this.term ? this.o.timing.renewEveryMs : this.o.timing.tryEveryMs;
      this.nextTick = setTimeout(() => void this.tick(), Math.max(0, started + every - performance.now()));
      this.nextTick.unref();
    }
    return begun;
  }

  private async campaignOnce(): Promise<Begun | null> {
    const asked = performance.now();
    const fence = await this.o.lease.acquire();
    if (fence === null) return null;
    const claim = await this.o.fences.claim(fence);
    if (!claim.claimed) {
      this.o.log.error('dispatch lease: its fence counter was behind storage (did Redis lose its data?); raised, trying again', {
        fence,
        highest: claim.highest,
      });
      await this.o.lease.raiseCounter(claim.highest);
      await this.o.lease.release(fence);
      return null;
    }
    if (this.closed || performance.now() >= this.endOf(asked)) {
      // Closing meanwhile, or the claim took so long the lease may be gone: this term never starts.
      await this.o.lease.release(fence);
      return null;
    }
    const term: Held = { fence };
    this.term = term;
    this.keep(term, asked);
    this.o.log.info('leading dispatch', { fence, holder: this.o.lease.holder });
    const elected = (this.campaign?.elected(term) ?? Promise.resolve()).catch((err: unknown) => {
      this.o.log.error('dispatch failed to start leading; giving the lease up', { error: String(err) });
      this.resign(term);
    });
    return { elected };
  }

  private async renew(term: Held): Promise<void> {
    const asked = performance.now();
    const kept = await this.o.lease.renew(term.fence);
    if (this.term !== term) return;
    if (kept) this.keep(term, asked);
    else void this.depose(term, 'the lease was lost');
  }

  /** When a lease taken or renewed by a command sent at `asked` could expire at the earliest, less the margin. */
  private endOf(asked: number): number {
    return asked + this.o.timing.leaseMs - this.o.timing.marginMs;
  }

  private keep(term: Held, asked: number): void {
    if (this.deadline) clearTimeout(this.deadline);
    const end = Math.max(0, this.endOf(asked) - performance.now());
    this.deadline = setTimeout(() => void this.depose(term, 'the lease could not be renewed in time'), end);
    this.deadline.unref();
  }

  private depose(term: Held, why: string): Promise<void> {
    if (this.term !== term) return Promise.resolve();
    this.term = null;
    if (this.deadline) clearTimeout(this.deadline);
    this.deadline = null;
    this.o.log.info('stopped leading dispatch', { fence: term.fence, why });
    const settled = this.campaign?.deposed(term) ?? Promise.resolve();
    // Given up at once, so another node need not wait for it to expire (a no-op when it is no longer ours).
    if (!this.closed) this.o.lease.release(term.fence).catch(() => undefined);
    return settled;
  }
}
