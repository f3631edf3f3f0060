import { distribution, type Distribution } from '../outlet/results';

/** The moments an order passes through, in pipeline order; performance.now() in the bench process. */
export const STAGES = ['sent', 'placed', 'accepted', 'ready', 'offered', 'assigned', 'pickedUp', 'delivered'] as const;
export type Stage = (typeof STAGES)[number];

/** Latencies reported: each from one stage to the next the brief names, and the whole trip. */
export const SPANS: readonly (readonly [string, Stage, Stage])[] = [
  ['POST /api/orders', 'sent', 'placed'],
  ['placed → outlet accepted', 'placed', 'accepted'],
  ['accepted → offered to a driver', 'accepted', 'offered'],
  ['offered → driver accepted', 'offered', 'assigned'],
  ['driver accepted → picked up', 'assigned', 'pickedUp'],
  ['picked up → delivered', 'pickedUp', 'delivered'],
  ['order sent → delivered', 'sent', 'delivered'],
];

type Times = Partial<Record<Stage, number>>;

export interface StageErrors {
  readonly count: number;
  readonly first: string | null;
}

export interface PipelineAccounting {
  /** Orders whose POST was sent inside the measured window. */
  readonly offered: number;
  /** Of those, delivered (at any time before the drain ended). */
  readonly completed: number;
  /** Of those, not delivered when the drain ended, by the last stage they reached. */
  readonly stuck: number;
  readonly stuckAt: Readonly<Record<string, number>>;
  /** Deliveries that happened inside the measured window, per second: the completed rate. */
  readonly deliveredPerS: number;
  /** Every order of the run (warm-up, window, drain). */
  readonly totalSent: number;
  readonly totalDelivered: number;
  readonly errors: Readonly<Record<string, StageErrors>>;
  /** Offers a driver saw more than once (the same order offered again after it was taken). */
  readonly duplicateOffers: number;
}

/** Every order's timeline, and the errors met on the way. */
export class PipelineTracker {
  private readonly orders = new Map<string, Times>();
  private readonly pending: Times[] = [];
  private readonly errors = new Map<string, { count: number; first: string | null }>();
  private duplicates = 0;

  /** A POST is going out: its times are kept under a placeholder until the server names the order. */
  sending(): Times {
    const t: Times = { sent: performance.now() };
    this.pending.push(t);
    return t;
  }

  placed(t: Times, orderId: string): void {
    t.placed = performance.now();
    const known = this.orders.get(orderId);
    // A tablet may have seen the order in its inbox before the POST's answer came back.
    this.orders.set(orderId, known ? { ...known, ...t, placed: t.placed } : t);
  }

  mark(orderId: string, stage: Stage): void {
    let t = this.orders.get(orderId);
    if (!t) {
      t = {};
      this.orders.set(orderId, t);
    }
    if (stage === 'offered' && t.offered !== undefined) {
      this.duplicates += 1;
      return;
    }
    t[stage] ??= performance.now();
  }

  reached(orderId: string, stage: Stage): boolean {
    return this.orders.get(orderId)?.[stage] !== undefined;
  }

  error(stage: string, err: unknown): void {
    const e = this.errors.get(stage) ?? { count: 0, first: null };
    e.count += 1;
    e.first ??= err instanceof Error ? err.message : String(err);
    this.errors.set(stage, e);
  }

  get deliveredCount(): number {
    let n = 0;
    for (const t of this.orders.values()) if (t.delivered !== undefined) n += 1;
    return n;
  }

  /** Orders sent before `until` that are not delivered yet. */
  openCount(until = Number.POSITIVE_INFINITY): number {
    let n = 0;
    for (const t of this.orders.values()) if (t.sent !== undefined && t.sent < until && t.delivered === undefined) n += 1;
    for (const t of this.pending) if (t.placed === undefined && (t.sent ?? 0) < until) n += 1;
    return n;
  }

  /** Latencies of the orders sent in [from, to). */
  spans(from: number, to: number): { readonly name: string; readonly d: Distribution }[] {
    const inWindow = [...this.orders.values()].filter((t) => t.sent !== undefined && t.sent >= from && t.sent < to);
    return SPANS.map(([name, a, b]) => ({
      name,
      d: distribution(inWindow.flatMap((t) => (t[a] !== undefined && t[b] !== undefined ? [t[b] - t[a]] : []))),
    }));
  }

  accounting(from: number, to: number): PipelineAccounting {
    const all = [...this.orders.values()];
    const inWindow = all.filter((t) => t.sent !== undefined && t.sent >= from && t.sent < to);
    const failedPosts = this.pending.filter((t) => t.placed === undefined && (t.sent ?? 0) >= from && (t.sent ?? 0) < to).length;
    const stuckAt: Record<string, number> = {};
    let stuck = failedPosts;
    if (failedPosts > 0) stuckAt.sent = failedPosts;
    for (const t of inWindow) {
      if (t.delivered !== undefined) continue;
      stuck += 1;
      const last = [...STAGES].reverse().find((s) => t[s] !== undefined) ?? 'sent';
      stuckAt[last] = (stuckAt[last] ?? 0) + 1;
    }
    const deliveredInWindow = all.filter((t) => t.delivered !== undefined && t.delivered >= from && t.delivered < to).length;
    return {
      offered: inWindow.length + failedPosts,
      completed: inWindow.filter((t) => t.delivered !== undefined).length,
      stuck,
      stuckAt,
      deliveredPerS: deliveredInWindow / ((to - from) / 1000),
      totalSent: this.pending.length,
      totalDelivered: this.deliveredCount,
      errors: Object.fromEntries(this.errors),
      duplicateOffers: this.duplicates,
    };
  }
}
