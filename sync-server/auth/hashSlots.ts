/** A password hash in progress; `release` frees its slot (idempotent). */
export interface HashSlot {
  release(): void;
}

/**
 * Bounds the password hashing running at once, per client address and in all: each scrypt takes
 * ~32 MiB and a libuv thread for tens of milliseconds, so unbounded concurrent sign-ins from one
 * address could starve every other request and exhaust memory.
 */
export class HashSlots {
  private readonly perAddress = new Map<string, number>();
  private total = 0;

  constructor(
    private readonly maxPerAddress: number,
    private readonly maxTotal: number,
  ) {}

  /** A slot for `address`, or null when that address or the server is at its limit. */
  tryAcquire(address: string): HashSlot | null {
    const mine = this.perAddress.get(address) ?? 0;
    if (mine >= this.maxPerAddress || this.total >= this.maxTotal) return null;
    this.perAddress.set(address, mine + 1);
    this.total += 1;
    let held = true;
    return {
      release: () => {
        if (!held) return;
        held = false;
        this.total -= 1;
        const left = (this.perAddress.get(address) ?? 1) - 1;
        if (left > 0) this.perAddress.set(address, left);
        else this.perAddress.delete(address);
      },
    };
  }

  get inFlight(): number {
    return this.total;
  }
}
