import type { EventId } from '../ids';
import type { CausalEvent } from './causalEvents';
import { compareEvents, type OrderEvent } from './events';
import type { Conflict, OrderState } from './orderState';
import { apply, RULES, type Draft, type ReduceOptions } from './transitions';

const NONE = Number.NEGATIVE_INFINITY;

const initialDraft = (): Draft => ({
  status: 'placed',
  driverId: null,
  placedAt: null,
  acceptedAt: null,
  prepMinutes: null,
  delayMinutes: 0,
  acknowledgedAt: null,
  placed: false,
  pickedUp: false,
  payment: null,
  paidAmount: 0,
  refundedAmount: 0,
});

/** Why an event has no effect before the transition rules are asked: the causal rules on its time. */
function causalReason(d: Draft, e: CausalEvent): string | null {
  if (e.event.type !== 'placed' && !d.placed) return 'stamped before the order was placed';
  if (e.seenAt !== NONE && e.event.at < e.seenAt) return 'stamped before an event its author had already seen';
  return null;
}

/**
 * The order's status as a fold over its events sorted by (at, id), de-duplicated by id, kept
 * incrementally: events that sort after everything folded so far (nearly always: devices stamp after
 * what they have seen) are folded in place, anything else refolds. So a commit costs the same on an
 * order of ten events or of thousands.
 */
export class OrderFold {
  private readonly all: CausalEvent[] = [];
  private readonly ids = new Set<EventId>();
  private draft = initialDraft();
  private applied: OrderEvent[] = [];
  private conflicts: Conflict[] = [];
  private last: OrderEvent | null = null;
  private cached: OrderState | null = null;

  constructor(private readonly options: Required<ReduceOptions>) {}

  get size(): number {
    return this.ids.size;
  }

  has(id: EventId): boolean {
    return this.ids.has(id);
  }

  add(events: readonly CausalEvent[]): void {
    const fresh = this.unseen(events);
    if (fresh.length === 0) return;
    this.cached = null;
    for (const e of fresh) {
      this.ids.add(e.event.id);
      this.all.push(e);
    }
    const first = fresh[0];
    if (first && this.last !== null && compareEvents(first.event, this.last) < 0) this.refold();
    else for (const e of fresh) this.fold(e, this.draft, this.applied, this.conflicts);
  }

  /** The state with `events` added, leaving this fold as it is. */
  preview(events: readonly CausalEvent[]): OrderState {
    const fresh = this.unseen(events);
    const first = fresh[0];
    if (!first) return this.state();
    if (this.last !== null && compareEvents(first.event, this.last) < 0) {
      return foldAll([...this.all, ...fresh], this.options);
    }
    const draft = { ...this.draft };
    const applied = [...this.applied];
    const conflicts = [...this.conflicts];
    for (const e of fresh) foldOne(e, draft, applied, conflicts, this.options);
    return stateOf(draft, applied, conflicts);
  }

  state(): OrderState {
    this.cached ??= stateOf(this.draft, [...this.applied], [...this.conflicts]);
    return this.cached;
  }

  /** New events not folded yet, unique by id, in fold order. */
  private unseen(events: readonly CausalEvent[]): CausalEvent[] {
    const byId = new Map<EventId, CausalEvent>();
    for (const e of [...events].sort((a, b) => compareEvents(a.event, b.event))) {
      if (!this.ids.has(e.event.id) && !byId.has(e.event.id)) byId.set(e.event.id, e);
    }
    return [...byId.values()];
  }

  private fold(e: CausalEvent, draft: Draft, applied: OrderEvent[], conflicts: Conflict[]): void {
    foldOne(e, draft, applied, conflicts, this.options);
    this.last = e.event;
  }

  private refold(): void {
    this.all.sort((a, b) => compareEvents(a.event, b.event));
    this.draft = initialDraft();
    this.applied = [];
    this.conflicts = [];
    for (const e of this.all) this.fold(e, this.draft, this.applied, this.conflicts);
  }
}

function foldOne(e: CausalEvent, draft: Draft, applied: OrderEvent[], conflicts: Conflict[], options: Required<ReduceOptions>): void {
  const reason = causalReason(draft, e) ?? RULES[e.event.type](draft, e.event, options);
  if (reason) {
    conflicts.push({ event: e.event, reason });
    return;
  }
  apply(draft, e.event);
  applied.push(e.event);
}

/** Folds `events` from scratch, keeping the first of each id in fold order. */
export function foldAll(events: readonly CausalEvent[], options: Required<ReduceOptions>): OrderState {
  const fold = new OrderFold(options);
  fold.add(events);
  return fold.state();
}

function stateOf(d: Draft, applied: readonly OrderEvent[], conflicts: readonly Conflict[]): OrderState {
  const readyBy = d.acceptedAt !== null && d.prepMinutes !== null ? d.acceptedAt + (d.prepMinutes + d.delayMinutes) * 60_000 : null;
  return {
    status: d.status,
    driverId: d.driverId,
    placedAt: d.placedAt,
    acceptedAt: d.acceptedAt,
    prepMinutes: d.prepMinutes,
    delayMinutes: d.delayMinutes,
    acknowledgedAt: d.acknowledgedAt,
    readyBy,
    payment: { status: d.payment, paid: d.paidAmount, refunded: d.refundedAmount },
    applied,
    conflicts,
  };
}
