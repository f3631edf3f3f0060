import type { ApiResult } from '../../../common/api/http';
import type { DabbaDb, PhoneOrderRow } from '../../../common/store/db';
import { allPhoneOrders, deletePhoneOrders, getPhoneOrder, heldOrderIds, recordAttempt } from '../../../common/store/phoneOrders';
import { afterAttempt, arrivedEntries, classifyAnswer, dueEntries, nextWakeAt } from './outbox';
import type { OutboxGate } from './outboxGate';

export interface OutboxRunnerOptions {
  readonly db: DabbaDb;
  /** Sends one entry: `POST /api/orders` with its key and the staff member's bearer token. */
  readonly send: (row: PhoneOrderRow) => Promise<ApiResult>;
  /** Shared with the phone-order commands, so an edit never crosses a send of the same entry. */
  readonly gate: OutboxGate;
  readonly now?: () => number;
  readonly random?: () => number;
  /** Told after every pass that changed an entry, so the device can tell the screens. */
  readonly onChange?: () => void;
}

/**
 * Sends the device's waiting phone orders, one at a time, oldest first, each under its own
 * idempotency key, and sleeps until the next one is due. `kick` wakes it early: an entry was
 * added, or the network came back. Only one pass runs at a time.
 */
export class OutboxRunner {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(private readonly options: OutboxRunnerOptions) {}

  start(): void {
    void this.kick();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Runs a pass now, or right after the one in progress. Resolves when the queue is idle. */
  kick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Makes every waiting entry due now: the network is back, no reason to sit out a backoff. */
  async retryAll(): Promise<void> {
    await this.options.db.phoneOrders.filter((row) => row.state === 'waiting').modify({ nextAttemptAt: 0 });
    await this.kick();
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      await this.pass().catch((error: unknown) => console.error('dabba: the phone-order outbox failed a pass', error));
    } while (this.wantsAnotherPass());
  }

  private async pass(): Promise<void> {
    const { db, send } = this.options;
    const now = this.options.now ?? Date.now;
    let changed = false;
    for (const due of dueEntries(await allPhoneOrders(db), now())) {
      if (this.stopped) return;
      // Held by an edit: its replacement is sent instead, or this entry on a later pass.
      const release = this.options.gate.claimSend(due.key);
      if (!release) continue;
      try {
        // Read again once claimed: staff may have replaced or discarded it while earlier entries were sent.
        const row = await getPhoneOrder(db, due.key);
        if (!row || row.state !== 'waiting' || row.attempts !== due.attempts) continue;
        const next = afterAttempt(row, classifyAnswer(await send(row)), now(), this.options.random);
        changed = (await recordAttempt(db, row, next)) || changed;
      } finally {
        release();
      }
    }
    const rows = await allPhoneOrders(db);
    const placed = rows.flatMap((r) => (r.state === 'placed' && r.orderId ? [r.orderId] : []));
    const arrived = arrivedEntries(rows, await heldOrderIds(db, placed));
    if (arrived.length > 0) {
      await deletePhoneOrders(
        db,
        arrived.map((r) => r.key),
      );
      changed = true;
    }
    if (changed) this.options.onChange?.();
    this.schedule(nextWakeAt(await allPhoneOrders(db)), now(), placed.length > arrived.length);
  }

  /** Sleeps until the next due entry; placed entries whose order has not arrived are looked at again soon. */
  private schedule(wakeAt: number | null, now: number, awaitingArrival: boolean): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.stopped) return;
    const candidates = [wakeAt === null ? null : Math.max(0, wakeAt - now), awaitingArrival ? ARRIVAL_CHECK_MS : null].filter(
      (d): d is number => d !== null,
    );
    if (candidates.length === 0) return;
    this.timer = setTimeout(() => void this.kick(), Math.min(...candidates));
  }

  /**
   * Read through a method: `again` is set by calls made while a pass awaits, which the compiler's
   * narrowing (from the `again = false` at the top of the loop) cannot see.
   */
  private wantsAnotherPass(): boolean {
    return this.again && !this.stopped;
  }
}

/** How often to look whether a placed phone order's document has reached the device. */
const ARRIVAL_CHECK_MS = 2_000;
