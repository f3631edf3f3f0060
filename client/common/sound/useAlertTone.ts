import { useCallback, useEffect, useState } from 'react';
import { Tone, type Note, type SoundState } from './tone';

export interface AlertTone {
  readonly sound: SoundState;
  /** For the "sound is blocked" button: the tap it asks for. */
  readonly unlock: () => void;
}

/**
 * Plays `notes` every `everyMs` while `on`, and vibrates with them where the phone can. One
 * AudioContext for the screen's life, made after mount; any tap or key unlocks it.
 */
export function useAlertTone(notes: readonly Note[], on: boolean, everyMs: number, vibration: readonly number[] = []): AlertTone {
  const [tone, setTone] = useState<Tone | null>(null);
  const [sound, setSound] = useState<SoundState>('blocked');

  useEffect(() => {
    const created = new Tone(notes);
    setTone(created);
    setSound(created.state);
    const stop = created.onState(setSound);
    const unlock = (): void => void created.unlock();
    window.addEventListener('pointerdown', unlock);
    window.addEventListener('keydown', unlock);
    return () => {
      stop();
      window.removeEventListener('pointerdown', unlock);
      window.removeEventListener('keydown', unlock);
      created.close();
    };
    // The notes are a constant of the caller; one tone per mount.
  }, []);

  useEffect(() => {
    if (!on || !tone) return;
    const ring = (): void => {
      tone.play();
      // A phone in a pocket on a scooter is felt before it is heard.
      if (vibration.length > 0 && typeof navigator.vibrate === 'function') navigator.vibrate([...vibration]);
    };
    ring();
    const timer = setInterval(ring, everyMs);
    return () => clearInterval(timer);
  }, [on, tone, everyMs]);

  return { sound, unlock: useCallback(() => void tone?.unlock(), [tone]) };
}
