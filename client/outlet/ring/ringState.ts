/**
 * When the outlet's tablet rings. Pure: the app feeds it the new (not yet accepted) orders and
 * staff actions; it says whether to ring and what to announce. Ringing goes on until every new
 * order is accepted, rejected or acknowledged on this device; mute silences it without hiding it.
 */

export interface NewOrder {
  readonly id: string;
  readonly customerName: string;
}

export interface RingState {
  /** New orders nobody acknowledged here yet, in the order they came. */
  readonly pending: readonly NewOrder[];
  readonly acknowledged: ReadonlySet<string>;
  /** New orders already announced, so each is announced once. */
  readonly announced: ReadonlySet<string>;
  /** What to say in the live region: the latest arrivals. */
  readonly announcement: string | null;
  readonly muted: boolean;
}

export type RingEvent =
  | { readonly type: 'orders'; readonly newOrders: readonly NewOrder[] }
  | { readonly type: 'acknowledge' }
  | { readonly type: 'mute'; readonly muted: boolean };

export const INITIAL_RING: RingState = { pending: [], acknowledged: new Set(), announced: new Set(), announcement: null, muted: false };

function announce(arrivals: readonly NewOrder[]): string | null {
  const [first] = arrivals;
  if (!first) return null;
  if (arrivals.length === 1) return `New order from ${first.customerName}`;
  return `${arrivals.length} new orders, from ${arrivals.map((o) => o.customerName).join(', ')}`;
}

export function ringReducer(state: RingState, event: RingEvent): RingState {
  switch (event.type) {
    case 'orders': {
      const ids = new Set(event.newOrders.map((o) => o.id));
      // Orders no longer new leave every set, so an id never lingers once its order moved on.
      const acknowledged = new Set([...state.acknowledged].filter((id) => ids.has(id)));
      const arrivals = event.newOrders.filter((o) => !state.announced.has(o.id));
      const pending = event.newOrders.filter((o) => !acknowledged.has(o.id));
      const samePending = pending.length === state.pending.length && pending.every((o, i) => o.id === state.pending[i]?.id);
      if (arrivals.length === 0 && samePending && acknowledged.size === state.acknowledged.size && ids.size === state.announced.size)
        return state;
      return {
        ...state,
        pending,
        acknowledged,
        announced: ids,
        announcement: arrivals.length > 0 ? announce(arrivals) : state.announcement,
      };
    }
    case 'acknowledge':
      if (state.pending.length === 0) return state;
      return { ...state, acknowledged: new Set([...state.acknowledged, ...state.pending.map((o) => o.id)]), pending: [] };
    case 'mute':
      return state.muted === event.muted ? state : { ...state, muted: event.muted };
  }
}

export const isRinging = (state: RingState): boolean => state.pending.length > 0;

/** Whether the tone should sound now (the browser may still block it; see common/sound/tone.ts). */
export const shouldSound = (state: RingState): boolean => isRinging(state) && !state.muted;
