import { Outstanding } from '../outstanding';
import type { PlainDevice, PlainListener } from './plainDevice';

interface Sent {
  readonly sentAt: number;
  readonly measured: boolean;
  /** Device indexes that have not received it yet. */
  readonly waiting: Set<number>;
}

export interface FanoutAccounting {
  readonly sent: number;
  /** Deliveries expected (updates × other subscribers) and those that never arrived. */
  readonly deliveriesExpected: number;
  readonly deliveriesMissing: number;
  /** Updates missing at one subscriber or more once the drain ended. */
  readonly lost: number;
  /** Updates the server answered with permission denied. */
  readonly refused: number;
  /** A delivery that arrived twice at one device. */
  readonly duplicates: number;
  /** Sockets that closed during the run, by close code. */
  readonly closedSockets: ReadonlyMap<number, number>;
}

/**
 * Fan-out of the plain protocol, which has no ACK: every update is expected at each other subscriber of
 * its document; latency is receive time minus send time of the same event, both read in this process.
 */
export class FanoutTracker implements PlainListener {
  readonly fanoutMs: number[] = [];
  /** Send time of each fan-out sample, index for index with fanoutMs. */
  readonly fanoutSentAt: number[] = [];
  private readonly byId = new Map<string, Sent>();
  private expected = 0;
  private readonly outstanding = new Outstanding();
  private duplicates = 0;
  private refusals = 0;
  private readonly closedSockets = new Map<number, number>();
  private watchingCloses = true;

  sent(id: string, sentAt: number, receivers: readonly number[], measured: boolean): void {
    this.byId.set(id, { sentAt, measured, waiting: new Set(receivers) });
    this.expected += receivers.length;
    this.outstanding.expect(receivers.length);
  }

  relayed(device: PlainDevice, added: readonly unknown[], receivedAt: number): void {
    for (const value of added) {
      const id = typeof value === 'object' && value !== null && 'id' in value ? value.id : undefined;
      const sent = typeof id === 'string' ? this.byId.get(id) : undefined;
      if (!sent) continue; // the order's own events, seen at the first sync
      if (!sent.waiting.delete(device.index)) {
        this.duplicates += 1;
        continue;
      }
      if (sent.measured) {
        this.fanoutMs.push(receivedAt - sent.sentAt);
        this.fanoutSentAt.push(sent.sentAt);
      }
      this.outstanding.arrived();
    }
  }

  refused(): void {
    this.refusals += 1;
  }

  closed(_device: PlainDevice, code: number): void {
    if (this.watchingCloses) this.closedSockets.set(code, (this.closedSockets.get(code) ?? 0) + 1);
  }

  /** From here on sockets close on purpose. */
  stopWatchingCloses(): void {
    this.watchingCloses = false;
  }

  /** Resolves true once every delivery arrived, false after `timeoutMs`. */
  settled(timeoutMs: number): Promise<boolean> {
    return this.outstanding.settled(timeoutMs);
  }

  accounting(): FanoutAccounting {
    let lost = 0;
    for (const sent of this.byId.values()) if (sent.waiting.size > 0) lost += 1;
    return {
      sent: this.byId.size,
      deliveriesExpected: this.expected,
      deliveriesMissing: this.outstanding.left,
      lost,
      refused: this.refusals,
      duplicates: this.duplicates,
      closedSockets: this.closedSockets,
    };
  }
}
