/**
 * When the outlet's tablet rings. Pure: the app feeds it the new (not yet accepted) orders and
 * staff actions; it says whether to ring and what to announce. Ringing goes on until every new
 * order is accepted, rejected or acknowledged (in the order itself, so on every device of the outlet,
 * or here while that event is on its way); mute silences it without hiding it.
 */

export interface NewOrder {
  readonly id: string;
  readonly customerName: string;
  /** The server escalated it: nobody answered it in time (the outlet inbox's `escalatedAt`). */
  readonly escalated?: boolean;
  /** Staff acknowledged it on some device of the outlet (its `acknowledged` event), since any escalation. */
  readonly acknowledged?: boolean;
}

export interface RingState {
  /** New orders nobody acknowledged yet, in the order they came. */
  readonly pending: readonly NewOrder[];
  /** Acknowledged on this device: quiet at once, before the order's own event is written and read back. */
  readonly acknowledged: ReadonlySet<string>;
  /** New orders already announced, so each is announced once. */
  readonly announced: ReadonlySet<string>;
  /** What to say in the live region: the latest arrivals. */
  readonly announcement: string | null;
  readonly muted: boolean;
  /** Orders already escalated, so each escalation breaks through acknowledgement and mute once. */
  readonly escalated: ReadonlySet<string>;
}

export type RingEvent =
  | { readonly type: 'orders'; readonly newOrders: readonly NewOrder[] }
  | { readonly type: 'acknowledge' }
  | { readonly type: 'mute'; readonly muted: boolean };

export const INITIAL_RING: RingState = {
  pending: [],
  acknowledged: new Set(),
  announced: new Set(),
  announcement: null,
  muted: false,
  escalated: new Set(),
};

function announce(arrivals: readonly NewOrder[]): string | null {
  const [first] = arrivals;
  if (!first) return null;
  if (arrivals.length === 1) return `New order from ${first.customerName}`;
  return `${arrivals.length} new orders, from ${arrivals.map((o) => o.customerName).join(', ')}`;
}

function stillWaiting(orders: readonly NewOrder[]): string {
  const names = orders.map((o) => o.customerName).join(', ');
  return orders.length === 1 ? `${names}'s order is still waiting — accept or reject it` : `Orders from ${names} are still waiting`;
}

export function ringReducer(state: RingState, event: RingEvent): RingState {
  switch (event.type) {
    case 'orders': {
      const ids = new Set(event.newOrders.map((o) => o.id));
      // An order the server escalated rings again on every device, acknowledged here or muted or not:
      // it has waited too long for anyone to stay quiet about it.
      const nowEscalated = event.newOrders.filter((o) => o.escalated === true && !state.escalated.has(o.id));
      const escalated = new Set(event.newOrders.filter((o) => o.escalated === true).map((o) => o.id));
      // Orders no longer new leave every set, so an id never lingers once its order moved on.
      const acknowledged = new Set([...state.acknowledged].filter((id) => ids.has(id) && !nowEscalated.some((o) => o.id === id)));
      const arrivals = event.newOrders.filter((o) => !state.announced.has(o.id));
      const pending = event.newOrders.filter((o) => !acknowledged.has(o.id) && o.acknowledged !== true);
      const samePending =
        pending.length === state.pending.length &&
        pending.every((o, i) => o.id === state.pending[i]?.id && o.escalated === state.pending[i].escalated);
      if (
        arrivals.length === 0 &&
        nowEscalated.length === 0 &&
        samePending &&
        acknowledged.size === state.acknowledged.size &&
        ids.size === state.announced.size &&
        escalated.size === state.escalated.size
      )
        return state;
      return {
        ...state,
        pending,
        acknowledged,
        announced: ids,
        escalated,
        muted: nowEscalated.length > 0 ? false : state.muted,
        announcement: nowEscalated.length > 0 ? stillWaiting(nowEscalated) : arrivals.length > 0 ? announce(arrivals) : state.announcement,
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

/** Ringing for an order the server escalated: faster, and the banner says it has waited too long. */
export const isUrgent = (state: RingState): boolean => state.pending.some((o) => o.escalated === true);

/** Whether the tone should sound now (the browser may still block it; see common/sound/tone.ts). */
export const shouldSound = (state: RingState): boolean => isRinging(state) && !state.muted;

/** The banner's line: every order waiting, by the number staff say ("2 new orders: #K7M3X, #A4C9D"). */
export function waitingText(pending: readonly NewOrder[], numberOf: (id: string) => string): string {
  const [first] = pending;
  if (!first) return '';
  if (pending.length === 1) return `New order ${numberOf(first.id)} from ${first.customerName}`;
  return `${pending.length} new orders: ${pending.map((o) => numberOf(o.id)).join(', ')}`;
}
