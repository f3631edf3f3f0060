import type { WakeData } from '../../shared/wake/wakeMessage';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import { mergeWakes } from './mergeWakes';
import type { PushSender, SendOutcome } from './pushSender';

export interface RetryPolicy {
  /** Sends per message before it is given up, the first included. */
  readonly maxAttempts: number;
  /** The wait before the first retry; each further one doubles, up to `maxDelayMs`. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the message is given up. */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 30_000, maxRetryAfterMs: 5 * 60_000 };

/** How long FCM keeps a message for a device that is off, unless it expires sooner: later, the device syncs anyway. */
export const DEFAULT_TTL_SECONDS = 3_600;

/** Messages kept per device while it cannot be reached; the oldest go first. */
const MAX_BATCH = 50;

/**
 * The wait before retry number `attempt` (1 = the first retry): exponential with "equal jitter"
 * (half fixed, half random, so many devices failing together do not retry together), and never
 * sooner than the service's Retry-After. Null: give up (too many tries, or told to wait too long).
 */
export function retryDelay(attempt: number, retryAfterMs: number | null, policy: RetryPolicy, random: () => number): number | null {
  if (attempt >= policy.maxAttempts) return null;
  if (retryAfterMs !== null && retryAfterMs > policy.maxRetryAfterMs) return null;
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.max(retryAfterMs ?? 0, Math.round(backoff / 2 + (random() * backoff) / 2));
}

/** The TTL of a message: until it expires (an offer), else the default. */
export function ttlSecondsOf(data: WakeData, now: number): number {
  if (data.expiresAt === undefined) return DEFAULT_TTL_SECONDS;
  return Math.max(1, Math.min(DEFAULT_TTL_SECONDS, Math.ceil((Number(data.expiresAt) - now) / 1000)));
}

interface DeviceQueue {
  /** Gathered and not yet sent (or being retried). */
  batch: WakeData[];
  /** Came in while a send was in flight: goes out after it. */
  next: WakeData[];
  /** Sends of the current batch so far. */
  attempts: number;
  sending: boolean;
  cancelTimer: (() => void) | null;
}

export interface PushOutboxDeps {
  readonly sender: PushSender;
  readonly clock: Clock;
  readonly log: Logger;
  /** Wake-ups for one device within this window go out as one message. */
  readonly coalesceMs: number;
  readonly retry: RetryPolicy;
  readonly random: () => number;
  /** FCM says the token is gone: it is deleted so nothing is sent to it again. */
  readonly unregistered: (token: string) => void;
}

/**
 * Per device token: gathers wake-ups for `coalesceMs` from the first, sends them as one message, and
 * retries it with backoff when FCM is busy or out of reach. One send at a time per device, so an older
 * status can never arrive after a newer one; what comes in while a retry waits joins that retry.
 */
export class PushOutbox {
  private readonly queues = new Map<string, DeviceQueue>();
  private closed = false;

  constructor(private readonly d: PushOutboxDeps) {}

  add(token: string, data: WakeData): void {
    if (this.closed) return;
    let queue = this.queues.get(token);
    if (!queue) {
      queue = { batch: [], next: [], attempts: 0, sending: false, cancelTimer: null };
      this.queues.set(token, queue);
    }
    const into = queue.sending ? queue.next : queue.batch;
    into.push(data);
    if (into.length > MAX_BATCH) into.shift();
    if (!queue.sending && queue.cancelTimer === null) this.schedule(token, queue, this.d.coalesceMs);
  }

  /** Devices with something gathered, being sent or waiting for a retry. */
  get size(): number {
    return this.queues.size;
  }

  /** Drops everything not sent yet (the server is stopping). */
  close(): void {
    this.closed = true;
    for (const queue of this.queues.values()) queue.cancelTimer?.();
    this.queues.clear();
  }

  private schedule(token: string, queue: DeviceQueue, ms: number): void {
    queue.cancelTimer = this.d.clock.after(ms, () => {
      queue.cancelTimer = null;
      this.flush(token, queue);
    });
  }

  private flush(token: string, queue: DeviceQueue): void {
    const now = this.d.clock.now();
    // An offer that lapsed while it waited means nothing now.
    queue.batch = queue.batch.filter((m) => m.expiresAt === undefined || Number(m.expiresAt) > now);
    const message = mergeWakes(queue.batch);
    if (!message) {
      this.settled(token, queue);
      return;
    }
    queue.sending = true;
    queue.attempts += 1;
    this.d.sender
      .send({ token, data: message, ttlSeconds: ttlSecondsOf(message, now) })
      .catch((err: unknown): SendOutcome => ({ ok: false, error: { code: 'retryable', message: String(err), retryAfterMs: null } }))
      .then((outcome) => this.answered(token, queue, outcome))
      .catch((err: unknown) => this.d.log.error('wake-up outbox failed', { error: String(err) }));
  }

  private answered(token: string, queue: DeviceQueue, outcome: SendOutcome): void {
    queue.sending = false;
    if (this.closed || this.queues.get(token) !== queue) return;
    if (outcome.ok) {
      queue.batch = [];
    } else if (outcome.error.code === 'unregistered') {
      this.queues.delete(token);
      this.d.unregistered(token);
      return;
    } else if (outcome.error.code === 'retryable') {
      const delay = retryDelay(queue.attempts, outcome.error.retryAfterMs, this.d.retry, this.d.random);
      if (delay !== null) {
        queue.batch = [...queue.batch, ...queue.next].slice(-MAX_BATCH);
        queue.next = [];
        this.schedule(token, queue, delay);
        return;
      }
      this.d.log.error('wake-up given up', { attempts: queue.attempts, messages: queue.batch.length, reason: outcome.error.message });
      queue.batch = [];
    } else {
      this.d.log.error('wake-up refused by FCM', { reason: outcome.error.message });
      queue.batch = [];
    }
    this.settled(token, queue);
  }

  /** The batch is done with: what came in meanwhile is gathered next, else the device is forgotten. */
  private settled(token: string, queue: DeviceQueue): void {
    queue.attempts = 0;
    if (queue.next.length === 0) {
      this.queues.delete(token);
      return;
    }
    queue.batch = queue.next;
    queue.next = [];
    this.schedule(token, queue, this.d.coalesceMs);
  }
}
