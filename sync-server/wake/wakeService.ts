import type { WakeData } from '../../shared/wake/wakeMessage';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { PushRecipient, PushTokens } from '../storage/pushTokens';
import { DEFAULT_RETRY, PushOutbox, type RetryPolicy } from './pushOutbox';
import type { PushSender } from './pushSender';
import { tokensOf, toWake, type LivePresence } from './recipients';
import type { Waker, WakeTarget } from './waker';

export interface WakeServiceDeps {
  readonly tokens: PushTokens;
  readonly presence: LivePresence;
  readonly sender: PushSender;
  readonly clock: Clock;
  readonly log: Logger;
  readonly coalesceMs: number;
  readonly retry?: RetryPolicy;
  readonly random?: () => number;
}

/**
 * Wakes devices whose sockets are gone (the Waker port): finds the target's push tokens, leaves out
 * devices presence says are connected, and hands the rest to the outbox, which gathers, sends and
 * retries per device. `wake` resolves once the outbox has them and never rejects: callers are commit hooks.
 */
export class WakeService implements Waker {
  private readonly outbox: PushOutbox;
  private closed = false;

  constructor(private readonly d: WakeServiceDeps) {
    this.outbox = new PushOutbox({
      sender: d.sender,
      clock: d.clock,
      log: d.log,
      coalesceMs: d.coalesceMs,
      retry: d.retry ?? DEFAULT_RETRY,
      random: d.random ?? Math.random,
      unregistered: (token) => {
        d.tokens.forget(token).then(
          () => d.log.info('push token unregistered by FCM; deleted'),
          (err: unknown) => d.log.error('could not delete an unregistered push token', { error: String(err) }),
        );
      },
    });
  }

  async wake(target: WakeTarget, data: WakeData): Promise<void> {
    if (this.closed) return;
    let candidates: PushRecipient[];
    try {
      candidates = await tokensOf(target, this.d.tokens);
    } catch (err: unknown) {
      this.d.log.error('wake-up: reading push tokens failed', { target: target.kind, error: String(err) });
      return;
    }
    if (candidates.length === 0) return;
    try {
      for (const r of await this.awake(target, candidates)) this.outbox.add(r.token, data);
    } catch (err: unknown) {
      this.d.log.error('wake-up failed', { target: target.kind, error: String(err) });
    }
  }

  /** Devices waiting for a send or a retry (for tests and metrics). */
  get pending(): number {
    return this.outbox.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.outbox.close();
    await this.d.sender.close();
  }

  /** A presence that cannot answer wakes everyone: a push too many beats an order nobody hears of. */
  private async awake(target: WakeTarget, candidates: readonly PushRecipient[]): Promise<PushRecipient[]> {
    try {
      return await toWake(target, candidates, this.d.presence);
    } catch (err: unknown) {
      this.d.log.error('wake-up: presence did not answer; waking every device', { target: target.kind, error: String(err) });
      return [...candidates];
    }
  }
}
