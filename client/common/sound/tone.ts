/**
 * Alert tones made with Web Audio: no sound file, so they work offline. Browsers start an
 * AudioContext suspended until the page gets a tap (autoplay policy); `blocked` says so, so the app
 * can ask for that tap instead of alerting in silence.
 */
export type SoundState = 'running' | 'blocked' | 'unsupported';

export interface Note {
  readonly hz: number;
  /** Seconds from the start of the tone. */
  readonly start: number;
  readonly length: number;
}

type AudioContextClass = typeof AudioContext;

function audioContextClass(): AudioContextClass | null {
  // Older Safari only has the prefixed name.
  const w = window as Window & { AudioContext?: AudioContextClass; webkitAudioContext?: AudioContextClass };
  return w.AudioContext ?? w.webkitAudioContext ?? null;
}

export class Tone {
  private readonly context: AudioContext | null;
  private readonly listeners = new Set<(state: SoundState) => void>();

  /** `wave`: each app keeps its own timbre (the outlet's soft sine, the driver's cutting square). */
  constructor(
    private readonly notes: readonly Note[],
    private readonly volume = 0.6,
    private readonly wave: OscillatorType = 'square',
  ) {
    const Context = audioContextClass();
    this.context = Context ? new Context() : null;
    if (this.context) this.context.onstatechange = () => this.emit();
  }

  get state(): SoundState {
    if (!this.context) return 'unsupported';
    return this.context.state === 'running' ? 'running' : 'blocked';
  }

  onState(listener: (state: SoundState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Call from a tap: the one moment the browser lets the page start sound. */
  async unlock(): Promise<void> {
    if (!this.context || this.context.state === 'running') return;
    try {
      await this.context.resume();
    } catch {
      // Still blocked; the next tap tries again.
    }
    this.emit();
  }

  /** Plays the tone once, if the browser lets it. */
  play(): boolean {
    const context = this.context;
    if (!context || context.state !== 'running') return false;
    const now = context.currentTime;
    for (const note of this.notes) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = this.wave;
      oscillator.frequency.value = note.hz;
      // A short attack and decay: a click-free tone.
      gain.gain.setValueAtTime(0.0001, now + note.start);
      gain.gain.exponentialRampToValueAtTime(this.volume, now + note.start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, now + note.start + note.length);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(now + note.start);
      oscillator.stop(now + note.start + note.length + 0.05);
    }
    return true;
  }

  close(): void {
    void this.context?.close();
  }

  private emit(): void {
    for (const listener of this.listeners) listener(this.state);
  }
}
