import { useCallback, useEffect, useReducer } from 'react';
import type { Note, SoundState } from '../../common/sound/tone';
import { useAlertTone } from '../../common/sound/useAlertTone';
import { INITIAL_RING, isUrgent, ringReducer, shouldSound, type NewOrder, type RingState } from './ringState';

/** How often the tone repeats while a new order waits. */
export const RING_EVERY_MS = 3_000;
/** ...and while an order the server escalated waits: an order left that long must be heard. */
export const URGENT_RING_EVERY_MS = 1_000;

/** Two rising notes: distinct from kitchen beeps, audible over an extractor fan. */
const NEW_ORDER_NOTES: readonly Note[] = [
  { hz: 880, start: 0, length: 0.18 },
  { hz: 1320, start: 0.22, length: 0.28 },
];

export interface Ringer {
  readonly state: RingState;
  readonly sound: SoundState;
  readonly acknowledge: () => void;
  readonly setMuted: (muted: boolean) => void;
  readonly unlockSound: () => void;
}

const keyOf = (orders: readonly NewOrder[]): string =>
  orders.map((o) => `${o.id}${o.escalated === true ? '!' : ''}${o.acknowledged === true ? '~' : ''}`).join(',');

/** Rings for `newOrders` (the orders waiting to be accepted) until they are handled or acknowledged. */
export function useRinger(newOrders: readonly NewOrder[]): Ringer {
  const [state, dispatch] = useReducer(ringReducer, INITIAL_RING);
  const key = keyOf(newOrders);

  // Keyed by the ids, escalations and acknowledgements: a new array with the same orders is no news.
  useEffect(() => dispatch({ type: 'orders', newOrders }), [key]);

  // Sine, as the outlet's tone has always sounded; the driver's offer tone is the square one.
  const { sound, unlock } = useAlertTone(NEW_ORDER_NOTES, shouldSound(state), isUrgent(state) ? URGENT_RING_EVERY_MS : RING_EVERY_MS, {
    wave: 'sine',
  });

  return {
    state,
    sound,
    acknowledge: useCallback(() => dispatch({ type: 'acknowledge' }), []),
    setMuted: useCallback((muted: boolean) => dispatch({ type: 'mute', muted }), []),
    unlockSound: unlock,
  };
}
