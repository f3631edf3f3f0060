import { useState } from 'react';
import type { Note, SoundState } from '../../common/sound/tone';
import { useAlertTone } from '../../common/sound/useAlertTone';
import { useNow } from '../../common/ui/useNow';
import type { OrderRow } from '../../common/store/db';
import { lateOrders, lateSounding, type LateOrder } from './lateOrders';

/** Late is news for the whole kitchen, but not every second: a reminder every 20 s until someone answers it. */
export const LATE_RING_EVERY_MS = 20_000;

/** Three falling notes: not the new-order rise, so the kitchen knows which it is without looking. */
const LATE_NOTES: readonly Note[] = [
  { hz: 988, start: 0, length: 0.16 },
  { hz: 784, start: 0.2, length: 0.16 },
  { hz: 587, start: 0.4, length: 0.3 },
];

export interface LateAlert {
  readonly late: readonly LateOrder[];
  readonly sounding: boolean;
  readonly sound: SoundState;
  /** "Got it": quiet for the orders late now, on this device; one turning late later sounds again. */
  readonly quieten: () => void;
}

/** The kitchen's orders past their promise, re-checked every 15 s, with their tone (silent while muted). */
export function useLateAlert(kitchen: readonly OrderRow[], muted: boolean): LateAlert {
  // The tick wakes this every 15 s; the minutes are counted from the real time, as the cards' timers do.
  useNow(15_000);
  const late = lateOrders(kitchen, Date.now());
  const [quietened, setQuietened] = useState<ReadonlySet<string>>(new Set());
  const sounding = lateSounding(late, quietened, muted);
  const { sound } = useAlertTone(LATE_NOTES, sounding, LATE_RING_EVERY_MS, { wave: 'sine' });
  return { late, sounding, sound, quieten: () => setQuietened(new Set(late.map((o) => o.id))) };
}
