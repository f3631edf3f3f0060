import type { BenchDevice, DeviceListener } from './device';
import { Outstanding } from './outstanding';

/** Percentiles of a set of latencies, milliseconds. */
export interface Distribution {
  readonly count: number;
  readonly mean: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly p999: number;
  readonly max: number;
}

/** Nearest-rank percentiles; all zero for no samples. */
export function distribution(samples: readonly number[]): Distribution {
  const sorted = Float64Array.from(samples).sort();
  const at = (q: number): number =>
    sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0);
  const sum = sorted.reduce((s, v) => s + v, 0);
  return {
    count: sorted.length,
    mean: sorted.length > 0 ? sum / sorted.length : 0,
    p50: at(0.5),
    p90: at(0.9),
    p99: at(0.99),
    p999: at(0.999),
    max: sorted.length > 0 ? (sorted[sorted.length - 1] ?? 0) : 0,
  };
}

/** p99 of each whole second of the measured window (by send time): shows whether a tail is spread or a few stalls. */
export function perSecondP99(sentAt: readonly number[], latency: readonly number[], windowStart: number): number[] {
  const buckets: number[][] = [];
  sentAt.forEach((t, i) => {
    const second = Math.floor((t - windowStart) / 1000);
    if (second >= 0) (buckets[second] ??= []).push(latency[i] ?? 0);
  });
  return buckets.filter((b) => b.length > 0).map((b) => distribution(b).p99);
}

interface SentUpdate {
  readonly id: string;
  /** The device index that wrote it. */
  readonly writer: number;
  readonly doc: string;
  readonly sentAt: number;
  /** Sent inside the measured window (not warm-up): its latencies count. */
  readonly measured: boolean;
  acked: boolean;
  rejected: string | null;
  /** Subscribers (device indexes) that have not yet received it. */
  readonly waiting: Set<number>;
}

export interface Accounting {
  readonly sent: number;
  readonly acked: number;
  readonly rejected: number;
  /** Neither ACK nor REJECT arrived. */
  readonly unanswered: number;
  /** Subscriber deliveries expected (updates × other subscribers) and those that never arrived. */
  readonly deliveriesExpected: number;
  readonly deliveriesMissing: number;
  /** Updates ACKed but missing at one subscriber or more, plus updates never ACKed. */
  readonly lost: number;
  /** A relay that arrived twice at the same device, or an event id nobody sent. */
  readonly duplicates: number;
  readonly firstRejection: string | null;
  /** Devices whose socket closed during the run, by close code. */
  readonly closedSockets: ReadonlyMap<number, number>;
}

/**
 * Accounts for every update: its ACK, and its arrival at every other subscriber of its document.
 * Fan-out latency is receive time minus send time of the same event, both read in this process.
 */
export class Tracker implements DeviceListener {
  readonly fanoutMs: number[] = [];
  /** Send time of each fan-out sample, index for index with fanoutMs. */
  readonly fanoutSentAt: number[] = [];
  /** Writer and receiver (device indexes) of each fan-out sample, index for index with fanoutMs. */
  readonly fanoutFrom: number[] = [];
  readonly fanoutTo: number[] = [];
  readonly ackMs: number[] = [];
  private readonly byId = new Map<string, SentUpdate>();
  private readonly bySeq = new Map<string, SentUpdate>();
  private readonly outstanding = new Outstanding();
  private expectedDeliveries = 0;
  private duplicates = 0;
  private readonly closedSockets = new Map<number, number>();
  private closing = false;

  /** Records an update just sent by `writer`, expected at each of `receivers` (the doc's other subscribers). */
  sent(writer: number, seq: number, id: string, doc: string, sentAt: number, receivers: readonly number[], measured: boolean): void {
    const update: SentUpdate = { id, writer, doc, sentAt, measured, acked: false, rejected: null, waiting: new Set(receivers) };
    this.byId.set(id, update);
    this.bySeq.set(`${writer}#${seq}`, update);
    this.outstanding.expect(1 + receivers.length);
    this.expectedDeliveries += receivers.length;
  }

  relayed(device: BenchDevice, _doc: string, added: readonly unknown[], receivedAt: number): void {
    for (const value of added) {
      const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
      const update = typeof id === 'string' ? this.byId.get(id) : undefined;
      if (!update) continue; // the order's `placed` event, seen on subscribe
      if (!update.waiting.delete(device.index)) {
        this.duplicates += 1;
        continue;
      }
      if (update.measured) {
        this.fanoutMs.push(receivedAt - update.sentAt);
        this.fanoutSentAt.push(update.sentAt);
        this.fanoutFrom.push(update.writer);
        this.fanoutTo.push(device.index);
      }
      this.outstanding.arrived();
    }
  }

  answered(device: BenchDevice, _doc: string, seq: number, receivedAt: number, rejected: string | null): void {
    const update = this.bySeq.get(`${device.index}#${seq}`);
    if (!update || update.acked || update.rejected !== null) {
      this.duplicates += 1;
      return;
    }
    if (rejected === null) {
      update.acked = true;
      if (update.measured) this.ackMs.push(receivedAt - update.sentAt);
    } else {
      update.rejected = rejected;
    }
    this.outstanding.arrived();
  }

  closed(_device: BenchDevice, code: number): void {
    if (this.closing) return;
    this.closedSockets.set(code, (this.closedSockets.get(code) ?? 0) + 1);
  }

  /** From here on sockets close on purpose and are not counted. */
  stopWatchingCloses(): void {
    this.closing = true;
  }

  /** Resolves once every ACK and every relay has arrived, or after `timeoutMs`. */
  settled(timeoutMs: number): Promise<boolean> {
    return this.outstanding.settled(timeoutMs);
  }

  /** Event ids the server ACKed, by document, for the final state check. */
  ackedByDoc(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const u of this.byId.values()) {
      if (!u.acked) continue;
      const list = out.get(u.doc) ?? [];
      list.push(u.id);
      out.set(u.doc, list);
    }
    return out;
  }

  accounting(): Accounting {
    let acked = 0,
      rejected = 0,
      unanswered = 0,
      missing = 0,
      lost = 0;
    let firstRejection: string | null = null;
    for (const u of this.byId.values()) {
      if (u.acked) acked += 1;
      else if (u.rejected !== null) {
        rejected += 1;
        firstRejection ??= u.rejected;
      } else unanswered += 1;
      missing += u.waiting.size;
      if (!u.acked || u.waiting.size > 0) lost += 1;
    }
    return {
      sent: this.byId.size,
      acked,
      rejected,
      unanswered,
      deliveriesExpected: this.expectedDeliveries,
      deliveriesMissing: missing,
      lost,
      duplicates: this.duplicates,
      firstRejection,
      closedSockets: this.closedSockets,
    };
  }
}
