import { describe, expect, it } from 'vitest';
import { ok } from '../../../../shared/result';
import type { WakeData } from '../../../../shared/wake/wakeMessage';
import type { Logger } from '../../../../sync-server/log';
import { DEFAULT_RETRY, PushOutbox, retryDelay, ttlSecondsOf } from '../../../../sync-server/wake/pushOutbox';
import { sendFailure, type PushMessage, type PushSender, type SendOutcome } from '../../../../sync-server/wake/pushSender';
import { ManualClock } from '../../../integration/support/manualClock';

const TOKEN = 'tablet-token';

const wake = (id: string, extra: Partial<WakeData> = {}): WakeData => ({
  dabba: '1',
  kind: 'new_order',
  docs: [`order:${id}`],
  title: 'Dosa Corner',
  body: `New order #${id}`,
  open: `/outlet/#/board/${id}`,
  tag: `order:${id}`,
  ...extra,
});

/** Answers each send with the next scripted outcome (sent once the script is empty); `hold` keeps answers back. */
class ScriptedSender implements PushSender {
  readonly sent: PushMessage[] = [];
  readonly script: SendOutcome[] = [];
  private held: (() => void)[] | null = null;

  send(message: PushMessage): Promise<SendOutcome> {
    this.sent.push(message);
    const outcome = this.script.shift() ?? ok();
    if (!this.held) return Promise.resolve(outcome);
    const held = this.held;
    return new Promise((resolve) => held.push(() => resolve(outcome)));
  }

  hold(): void {
    this.held = [];
  }

  release(): void {
    const held = this.held ?? [];
    this.held = null;
    for (const answer of held) answer();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

function outbox(coalesceMs = 250) {
  const clock = new ManualClock();
  const sender = new ScriptedSender();
  const errors: string[] = [];
  const unregistered: string[] = [];
  const log: Logger = { info: () => undefined, error: (message) => void errors.push(message) };
  const box = new PushOutbox({
    sender,
    clock,
    log,
    coalesceMs,
    retry: DEFAULT_RETRY,
    random: () => 0.5,
    unregistered: (token) => void unregistered.push(token),
  });
  /** Advances the clock, then lets the sender's answers be read. */
  const advance = async (ms: number): Promise<void> => {
    clock.advance(ms);
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { clock, sender, errors, unregistered, box, advance };
}

describe('PushOutbox', () => {
  it('gathers wake-ups for one device within the window into one message', async () => {
    const { sender, box, advance } = outbox();
    box.add(TOKEN, wake('a1'));
    await advance(100);
    box.add(TOKEN, wake('b2'));
    await advance(100);
    box.add(TOKEN, wake('c3'));
    expect(sender.sent).toHaveLength(0);
    await advance(50);
    expect(sender.sent).toHaveLength(1);
    expect(sender.sent[0]?.data).toMatchObject({ title: '3 new orders', docs: ['order:a1', 'order:b2', 'order:c3'] });
    expect(sender.sent[0]?.ttlSeconds).toBe(3600);
    expect(box.size).toBe(0);

    box.add(TOKEN, wake('d4'));
    await advance(250);
    expect(sender.sent.map((m) => m.data.title)).toEqual(['3 new orders', 'Dosa Corner']);
  });

  it('retries a busy FCM with growing, jittered waits, then gives up with one log line', async () => {
    const { sender, errors, box, advance } = outbox();
    for (let i = 0; i < DEFAULT_RETRY.maxAttempts; i++) sender.script.push(sendFailure('retryable', 'UNAVAILABLE'));
    box.add(TOKEN, wake('a1'));
    await advance(250);
    // Equal jitter at random() = 0.5: three quarters of 1 s, 2 s, 4 s, 8 s.
    for (const wait of [750, 1500, 3000, 6000]) {
      const before = sender.sent.length;
      await advance(wait - 1);
      expect(sender.sent).toHaveLength(before);
      await advance(1);
      expect(sender.sent).toHaveLength(before + 1);
    }
    expect(sender.sent).toHaveLength(DEFAULT_RETRY.maxAttempts);
    expect(errors).toEqual(['wake-up given up']);
    expect(box.size).toBe(0);
  });

  it('waits at least as long as FCM’s Retry-After, and sends what came in meanwhile with the retry', async () => {
    const { sender, box, advance } = outbox();
    sender.script.push(sendFailure('retryable', 'QUOTA_EXCEEDED', 10_000));
    box.add(TOKEN, wake('a1'));
    await advance(250);
    box.add(TOKEN, wake('b2'));
    await advance(9_999);
    expect(sender.sent).toHaveLength(1);
    await advance(1);
    expect(sender.sent).toHaveLength(2);
    expect(sender.sent[1]?.data).toMatchObject({ title: '2 new orders', docs: ['order:a1', 'order:b2'] });
  });

  it('reports an unregistered token and sends nothing more it had gathered', async () => {
    const { sender, unregistered, box, advance } = outbox();
    sender.hold();
    sender.script.push(sendFailure('unregistered', 'UNREGISTERED'));
    box.add(TOKEN, wake('a1'));
    await advance(250);
    box.add(TOKEN, wake('b2'));
    sender.release();
    await advance(10_000);
    expect(unregistered).toEqual([TOKEN]);
    expect(sender.sent).toHaveLength(1);
  });

  it('sends one message at a time per device: what comes in during a send follows it', async () => {
    const { sender, box, advance } = outbox();
    sender.hold();
    box.add(TOKEN, wake('a1'));
    await advance(250);
    box.add(TOKEN, wake('b2'));
    await advance(1_000);
    expect(sender.sent).toHaveLength(1);
    sender.release();
    await advance(0);
    await advance(250);
    expect(sender.sent.map((m) => m.data.docs)).toEqual([['order:a1'], ['order:b2']]);
  });

  it('drops a refused message with a log line, and an offer that lapsed while it waited', async () => {
    const { clock, sender, errors, box, advance } = outbox();
    sender.script.push(sendFailure('rejected', 'INVALID_ARGUMENT'));
    box.add(TOKEN, wake('a1'));
    await advance(250);
    expect(errors).toEqual(['wake-up refused by FCM']);

    sender.script.push(sendFailure('retryable', 'UNAVAILABLE'));
    box.add(TOKEN, wake('o1', { kind: 'offer', expiresAt: String(clock.now() + 500) }));
    await advance(250);
    await advance(750);
    expect(sender.sent).toHaveLength(2);
    expect(box.size).toBe(0);
  });
});

describe('retryDelay and ttlSecondsOf', () => {
  it('doubles up to the cap, never undercuts Retry-After, and gives up on too many tries or too long a wait', () => {
    const low = (): number => 0;
    expect([1, 2, 3, 4].map((n) => retryDelay(n, null, DEFAULT_RETRY, low))).toEqual([500, 1000, 2000, 4000]);
    expect(retryDelay(1, 20_000, DEFAULT_RETRY, low)).toBe(20_000);
    expect(retryDelay(20, null, { ...DEFAULT_RETRY, maxAttempts: 99 }, () => 1)).toBe(DEFAULT_RETRY.maxDelayMs);
    expect(retryDelay(DEFAULT_RETRY.maxAttempts, null, DEFAULT_RETRY, low)).toBeNull();
    expect(retryDelay(1, DEFAULT_RETRY.maxRetryAfterMs + 1, DEFAULT_RETRY, low)).toBeNull();
  });

  it('keeps an expiring message only until it expires', () => {
    expect(ttlSecondsOf(wake('a1'), 0)).toBe(3600);
    expect(ttlSecondsOf(wake('o1', { expiresAt: '45500' }), 1_000)).toBe(45);
    expect(ttlSecondsOf(wake('o1', { expiresAt: '500' }), 1_000)).toBe(1);
  });
});
