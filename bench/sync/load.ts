import { newEventId } from '../../shared/ids';
import type { BenchDevice } from './device';
import { distribution, type Distribution, type Tracker } from './tracker';

export interface LoadPlan {
  readonly devices: readonly BenchDevice[];
  readonly docs: readonly string[];
  /** subscribers[d]: device indexes holding docs[d]. */
  readonly subscribers: readonly (readonly number[])[];
  /** The signed-in user every device speaks for (the server checks the event author against the token). */
  readonly author: { readonly id: string; readonly role: string };
  readonly rate: number;
  readonly warmupS: number;
  readonly durationS: number;
}

export interface LoadResult {
  readonly sent: number;
  /** How late each measured update left against its slot in the schedule: shows whether the bench itself kept up. */
  readonly lateMs: Distribution;
  /** Wall time of the measured window, ms. */
  readonly measuredMs: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Writes `rate` updates a second on a steady schedule (update i is due at start + i / rate), warm-up first.
 * Documents take turns round-robin, and within a document its subscribers take turns writing.
 * Each update is one `note` event appended to the order's events, authored by the signed-in user.
 */
export async function runLoad(plan: LoadPlan, tracker: Tracker, onMeasureStart: () => void, onMeasureEnd: () => void): Promise<LoadResult> {
  const warmupCount = Math.round(plan.warmupS * plan.rate);
  const total = warmupCount + Math.round(plan.durationS * plan.rate);
  const interval = 1000 / plan.rate;
  const late: number[] = [];
  const start = performance.now();
  let measureStartedAt = start;
  let i = 0;
  while (i < total) {
    const now = performance.now();
    while (i < total && start + i * interval <= now) {
      if (i === warmupCount) {
        onMeasureStart();
        measureStartedAt = performance.now();
      }
      const measured = i >= warmupCount;
      if (measured) late.push(performance.now() - (start + i * interval));
      write(plan, tracker, i, measured);
      i += 1;
    }
    if (i < total) await sleep(Math.max(0, start + i * interval - performance.now()));
  }
  // The measured window ends one interval after the last slot: that is the time the last update had.
  await sleep(Math.max(0, start + total * interval - performance.now()));
  const measuredMs = performance.now() - measureStartedAt;
  onMeasureEnd();
  return { sent: total, lateMs: distribution(late), measuredMs };
}

function write(plan: LoadPlan, tracker: Tracker, i: number, measured: boolean): void {
  const d = i % plan.docs.length;
  const doc = plan.docs[d];
  const subs = plan.subscribers[d];
  if (doc === undefined || !subs || subs.length === 0) throw new Error(`document ${d} has no subscribers`);
  // Each document starts its turns at another subscriber, so every position writes as often.
  const writer = subs[(Math.floor(i / plan.docs.length) + d) % subs.length] ?? 0;
  const device = plan.devices[writer];
  if (!device?.open) return; // a closed socket: reported as a closed socket, not as a lost update
  const id = newEventId();
  const event = {
    id,
    type: 'note',
    at: Date.now(),
    by: { id: plan.author.id, role: plan.author.role },
    text: `bench #${i} created at ${performance.now().toFixed(3)} ms`,
  };
  const { seq, sentAt } = device.append(doc, event);
  tracker.sent(
    writer,
    seq,
    id,
    doc,
    sentAt,
    subs.filter((s) => s !== writer),
    measured,
  );
}
