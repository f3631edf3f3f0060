import type { OrderStatus, OrderType } from '../../shared/order/status';
import { pickedUpEarly } from '../../shared/order/pickedUpEarly';
import type { TrackView } from '../../shared/track';

/** `skipped`: passed without ever happening (the driver took the bag before the kitchen marked it ready). */
export type StepState = 'done' | 'current' | 'upcoming' | 'stopped' | 'skipped';

export interface TimelineStep {
  readonly key: string;
  readonly label: string;
  /** When it happened, from the order's events; null when it has not (or was skipped). */
  readonly at: number | null;
  readonly state: StepState;
  /** Extra words for the step, e.g. the prep time and ready-by time when accepted. */
  readonly detail: string | null;
}

interface PathStep {
  readonly key: string;
  readonly label: string;
  /** Event types that mark this step as reached. */
  readonly events: readonly string[];
  /** Statuses that mean the order is at this step. */
  readonly statuses: readonly OrderStatus[];
}

const COMMON: readonly PathStep[] = [
  { key: 'placed', label: 'Placed', events: ['placed'], statuses: ['placed'] },
  { key: 'accepted', label: 'Accepted', events: ['accepted'], statuses: ['accepted'] },
  { key: 'preparing', label: 'Preparing', events: ['preparing'], statuses: ['preparing'] },
];

/** The happy path per order type: a pickup is collected, a table is served, a delivery is driven. */
const PATHS: Readonly<Record<OrderType, readonly PathStep[]>> = {
  delivery: [
    ...COMMON,
    { key: 'ready', label: 'Ready for the driver', events: ['ready'], statuses: ['ready'] },
    { key: 'picked_up', label: 'Picked up — on the way', events: ['picked_up'], statuses: ['picked_up'] },
    { key: 'delivered', label: 'Delivered', events: ['delivered', 'handed_over'], statuses: ['delivered'] },
  ],
  pickup: [
    ...COMMON,
    { key: 'ready', label: 'Ready for pickup', events: ['ready'], statuses: ['ready'] },
    { key: 'delivered', label: 'Collected', events: ['handed_over', 'delivered', 'picked_up'], statuses: ['picked_up', 'delivered'] },
  ],
  'dine-in': [
    ...COMMON,
    { key: 'ready', label: 'Ready', events: ['ready'], statuses: ['ready'] },
    { key: 'delivered', label: 'Served', events: ['handed_over', 'delivered', 'picked_up'], statuses: ['picked_up', 'delivered'] },
  ],
};

const STOPS: Partial<Readonly<Record<OrderStatus, string>>> = {
  rejected: 'Declined by the restaurant',
  cancelled: 'Cancelled',
  failed: 'Delivery failed',
};

/** The order's status in a sentence, for the top of the page. */
export function headline(view: TrackView): string {
  if (view.status === 'awaiting_payment') return 'Awaiting payment';
  const reached = PATHS[view.orderType].find((step) => step.statuses.includes(view.status));
  return STOPS[view.status] ?? reached?.label ?? view.status;
}

const lastAt = (view: TrackView, types: readonly string[]): number | null => {
  const times = view.timeline.filter((e) => types.includes(e.type)).map((e) => e.at);
  return times.length > 0 ? Math.max(...times) : null;
};

/** Kitchen steps a driver can overtake by picking up early. */
const KITCHEN_STEPS: readonly string[] = ['preparing', 'ready'];

/**
 * The steps to show: each with its time when reached. A step skipped on the way (ready without
 * "preparing") counts as done without a time; but when the driver picked the order up before the
 * kitchen marked it ready, the kitchen steps that never happened say so rather than claim to be done.
 * An order that stopped (declined, cancelled, failed) ends with that stop instead of the steps it
 * will never reach.
 */
export function timelineSteps(view: TrackView, clock: (epochMs: number) => string): TimelineStep[] {
  const path = PATHS[view.orderType];
  const stop = STOPS[view.status];
  const statusIndex = path.findIndex((step) => step.statuses.includes(view.status));
  const reachedByEvents = path.reduce((last, step, i) => (lastAt(view, step.events) !== null ? i : last), -1);
  const reached = Math.max(statusIndex, stop ? reachedByEvents : statusIndex);
  const early = view.orderType === 'delivery' && pickedUpEarly(view.timeline);
  const steps: TimelineStep[] = [];
  path.forEach((step, i) => {
    if (stop && i > reached) return;
    const at = i <= reached ? lastAt(view, step.events) : null;
    const passed = i < reached || (stop && i === reached);
    const state: StepState =
      passed && early && at === null && KITCHEN_STEPS.includes(step.key)
        ? 'skipped'
        : passed
          ? 'done'
          : i === reached
            ? 'current'
            : 'upcoming';
    const detail = state === 'skipped' ? 'Not marked by the kitchen' : stepDetail(view, step.key, i <= reached, at, early, clock);
    steps.push({ key: step.key, label: step.label, at, state, detail });
  });
  if (stop) steps.push({ key: view.status, label: stop, at: lastAt(view, [view.status]), state: 'stopped', detail: null });
  return steps;
}

function stepDetail(
  view: TrackView,
  key: string,
  reached: boolean,
  at: number | null,
  early: boolean,
  clock: (epochMs: number) => string,
): string | null {
  if (!reached) return null;
  if (key === 'accepted') return acceptedDetail(view, at, clock);
  if (key === 'picked_up' && early) return 'Picked up before the kitchen marked it ready';
  return null;
}

function acceptedDetail(view: TrackView, acceptedAt: number | null, clock: (epochMs: number) => string): string | null {
  if (view.readyBy === null) return null;
  const delayed = view.timeline.some((e) => e.type === 'delayed');
  const minutes = acceptedAt !== null && !delayed ? Math.round((view.readyBy - acceptedAt) / 60_000) : null;
  return `${minutes !== null ? `${minutes} min, ` : ''}ready by ${clock(view.readyBy)}`;
}

/** The promise to show while it still matters: until the food is ready. */
export function promise(view: TrackView, clock: (epochMs: number) => string): string | null {
  if (view.readyBy === null || !['accepted', 'preparing'].includes(view.status)) return null;
  const late = view.timeline.some((e) => e.type === 'delayed') ? ' (the restaurant updated the time)' : '';
  return `Ready by ${clock(view.readyBy)}${late}`;
}
