import { useCallback, useEffect, useState } from 'react';
import { Tone, type Note, type SoundState } from './tone';

export interface AlertTone {
  readonly sound: SoundState;
  /** For the "sound is blocked" button: the tap it asks for. */
  readonly unlock: () => void;
}

export interface AlertToneOptions {
  /** Vibration pattern played with each tone where the device can vibrate. */
  readonly vibration?: readonly number[];
  readonly wave?: OscillatorType;
}

/**
 * Plays `notes` every `everyMs` while `on`, and vibrates with them where the phone can. One
 * AudioContext for the screen's life, made after mount; any tap or key unlocks it.
 */
export function useAlertTone(notes: readonly Note[], on: boolean, everyMs: number, options: AlertToneOptions = {}): AlertTone {
  const { vibration = [], wave } = options;
  const [tone, setTone] = useState<Tone | null>(null);
  const [sound, setSound] = useState<SoundState>('blocked');

  useEffect(() => {
    const created = new Tone(notes, undefined, wave);
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
    // The notes and wave are constants of the caller; one tone per mount.
  }, []);

  // The cycle restarts when sound becomes available, so the tap that unlocks it is answered by the
  // tone at once rather than at the next tick.
  const running = sound === 'running';
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
  }, [on, tone, everyMs, running]);

  return { sound, unlock: useCallback(() => void tone?.unlock(), [tone]) };
}
