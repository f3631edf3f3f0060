/**
 * A seeded random source (mulberry32): the same seed gives the same history, run after run, so demos
 * and the tests that read seeded stats see the same orders.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** Uniform in [min, max]. */
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** A whole number in [min, max]. */
  int(min: number, max: number): number {
    return Math.floor(this.between(min, max + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  }

  /** One of the choices, each as likely as its weight. */
  weighted<K>(choices: readonly (readonly [K, number])[]): K {
    let r = this.next() * choices.reduce((sum, [, w]) => sum + w, 0);
    for (const [choice, w] of choices) {
      r -= w;
      if (r < 0) return choice;
    }
    const last = choices.at(-1);
    if (!last) throw new RangeError('weighted pick from no choices');
    return last[0];
  }

  /** A count with mean `mean` (Poisson, Knuth's method: means here are a few per hour). */
  poisson(mean: number): number {
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k += 1;
      p *= this.next();
    }
    return k;
  }

  /** Exponentially distributed with mean `mean`: waits that are mostly short, sometimes long. */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }
}
