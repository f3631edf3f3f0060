/** Deliveries a bench still expects (ACKs, relays), and a wait for the last of them, with a time limit. */
export class Outstanding {
  private count = 0;
  private onNone: (() => void) | null = null;

  /** How many have not arrived. */
  get left(): number {
    return this.count;
  }

  expect(n: number): void {
    this.count += n;
  }

  arrived(): void {
    this.count -= 1;
    if (this.count !== 0 || !this.onNone) return;
    const done = this.onNone;
    this.onNone = null;
    done();
  }

  /** Resolves true once every expected delivery arrived, false after `timeoutMs`. */
  settled(timeoutMs: number): Promise<boolean> {
    if (this.count === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.onNone = null;
        resolve(false);
      }, timeoutMs);
      this.onNone = () => {
        clearTimeout(timer);
        resolve(true);
      };
    });
  }
}
