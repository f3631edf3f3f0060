import { useCallback, useEffect, useReducer, useState } from 'react';
import { Chime, type SoundState } from './chime';
import { INITIAL_RING, ringReducer, shouldSound, type NewOrder, type RingState } from './ringState';

/** How often the tone repeats while a new order waits. */
export const RING_EVERY_MS = 3_000;

export interface Ringer {
  readonly state: RingState;
  readonly sound: SoundState;
  readonly acknowledge: () => void;
  readonly setMuted: (muted: boolean) => void;
  readonly unlockSound: () => void;
}

const keyOf = (orders: readonly NewOrder[]): string => orders.map((o) => o.id).join(',');

/** Rings for `newOrders` (the orders waiting to be accepted) until they are handled or acknowledged. */
export function useRinger(newOrders: readonly NewOrder[]): Ringer {
  const [state, dispatch] = useReducer(ringReducer, INITIAL_RING);
  const [chime, setChime] = useState<Chime | null>(null);
  const [sound, setSound] = useState<SoundState>('blocked');
  const key = keyOf(newOrders);

  // Keyed by the ids: a new array with the same orders is no news.
  useEffect(() => dispatch({ type: 'orders', newOrders }), [key]);

  // One AudioContext for the app's lifetime, created after mount so a render never makes one.
  useEffect(() => {
    const created = new Chime();
    setChime(created);
    setSound(created.state);
    const stop = created.onState(setSound);
    // Any tap anywhere is the gesture the browser waits for; the banner asks for one explicitly.
    const unlock = (): void => void created.unlock();
    window.addEventListener('pointerdown', unlock);
    window.addEventListener('keydown', unlock);
    return () => {
      stop();
      window.removeEventListener('pointerdown', unlock);
      window.removeEventListener('keydown', unlock);
      created.close();
    };
  }, []);

  const sounding = shouldSound(state) && sound === 'running' && chime !== null;
  useEffect(() => {
    if (!sounding || !chime) return;
    chime.play();
    const timer = setInterval(() => chime.play(), RING_EVERY_MS);
    return () => clearInterval(timer);
  }, [sounding, chime]);

  return {
    state,
    sound,
    acknowledge: useCallback(() => dispatch({ type: 'acknowledge' }), []),
    setMuted: useCallback((muted: boolean) => dispatch({ type: 'mute', muted }), []),
    unlockSound: useCallback(() => void chime?.unlock(), [chime]),
  };
}
