import { tooManyRequests } from '../errors';
import type { LimiterStore } from '../limits/limiterStore';
import { RateLimiter, tooManyAttempts } from '../limits/rateLimit';
import { HashSlots } from './hashSlots';

export interface LoginLimits {
  /** Sign-in attempts one client address may have fail per window, over all accounts. */
  readonly failuresPerAddress: number;
  /** Sign-in attempts one client address may have fail per window for one account. */
  readonly failuresPerAccount: number;
  readonly windowMs: number;
  /** Password hashes one client address may have running at once. */
  readonly hashesPerAddress: number;
  /** Password hashes the server runs at once, over all addresses. */
  readonly hashesInFlight: number;
}

/** A counted sign-in attempt holding a hashing slot. */
export interface LoginAttempt {
  /** The password was right: the attempt no longer counts against the address or the account. */
  succeeded(): Promise<void>;
  /** Frees the hashing slot; call once the hash is done, whatever the outcome. */
  end(): void;
}

/**
 * Throttles sign-ins by client address and by (address, account), never by account alone, so
 * nobody can lock an account's owner out from elsewhere. An attempt is counted before its password
 * is hashed and refunded if it succeeds, both counts at once in the shared store, so a concurrent burst
 * is judged as a whole, over every node. Hashing slots guard this node's own CPU and memory, so they
 * stay per node; they are taken first, so a flood of concurrent attempts is turned away without a
 * round trip to the store.
 */
export class LoginThrottle {
  private readonly byAddress: RateLimiter;
  private readonly byAccount: RateLimiter;
  private readonly slots: HashSlots;

  constructor(
    limits: LoginLimits,
    private readonly store: LimiterStore,
  ) {
    this.byAddress = new RateLimiter(store, 'login-address', limits.failuresPerAddress, limits.windowMs);
    this.byAccount = new RateLimiter(store, 'login-account', limits.failuresPerAccount, limits.windowMs);
    this.slots = new HashSlots(limits.hashesPerAddress, limits.hashesInFlight);
  }

  /** Counts an attempt from `address` on `email`; throws 429 (with Retry-After) when it may not be hashed now. */
  async begin(address: string, email: string): Promise<LoginAttempt> {
    const slot = this.slots.tryAcquire(address);
    if (!slot) throw tooManyRequests('Too many sign-ins at once; try again in a moment.', 1);
    const claims = [this.byAddress.claim(address), this.byAccount.claim(`${address} ${email.toLowerCase()}`)];
    const verdict = await this.store.take(claims).catch((err: unknown) => {
      slot.release();
      throw err;
    });
    if (!verdict.allowed) {
      slot.release();
      throw tooManyAttempts(verdict.retryAfterMs);
    }
    return {
      succeeded: () => this.store.refund(claims.map((c) => c.key)),
      end: () => slot.release(),
    };
  }
}
