import { tooManyRequests } from '../errors';
import { RateLimiter } from '../limits/rateLimit';
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
  succeeded(): void;
  /** Frees the hashing slot; call once the hash is done, whatever the outcome. */
  end(): void;
}

/**
 * Throttles sign-ins by client address and by (address, account), never by account alone, so
 * nobody can lock an account's owner out from elsewhere. An attempt is counted before its password
 * is hashed and refunded if it succeeds, so a concurrent burst is judged as a whole.
 */
export class LoginThrottle {
  private readonly byAddress: RateLimiter;
  private readonly byAccount: RateLimiter;
  private readonly slots: HashSlots;

  constructor(limits: LoginLimits) {
    this.byAddress = new RateLimiter(limits.failuresPerAddress, limits.windowMs);
    this.byAccount = new RateLimiter(limits.failuresPerAccount, limits.windowMs);
    this.slots = new HashSlots(limits.hashesPerAddress, limits.hashesInFlight);
  }

  /** Counts an attempt from `address` on `email`; throws 429 (with Retry-After) when it may not be hashed now. */
  begin(address: string, email: string): LoginAttempt {
    const pair = `${address} ${email.toLowerCase()}`;
    this.byAddress.assertUnder(address);
    this.byAccount.assertUnder(pair);
    const slot = this.slots.tryAcquire(address);
    if (!slot) throw tooManyRequests('Too many sign-ins at once; try again in a moment.', 1);
    this.byAddress.record(address);
    this.byAccount.record(pair);
    return {
      succeeded: () => {
        this.byAddress.refund(address);
        this.byAccount.refund(pair);
      },
      end: () => slot.release(),
    };
  }
}
