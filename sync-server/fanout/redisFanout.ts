import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from '../log';
import { connectRedis } from '../redis/redisConnection';
import type { Fanout, FanoutStatus } from './fanout';
import { decodeFanout, encodeFanout, type FanoutMessage } from './fanoutMessage';

export interface RedisFanoutOptions {
  readonly url: string;
  /** Starts every channel name (DABBA_REDIS_PREFIX). */
  readonly prefix: string;
  readonly log: Logger;
}

/** Channels subscribed to in one command after a reconnection. */
const RESUBSCRIBE_BATCH = 1_000;

/**
 * Fan-out over Redis pub/sub, one channel per document. Pub/sub delivers in order and drops nothing
 * while the subscriber stays connected (Redis cuts off a subscriber that falls too far behind), so the
 * only losses are around a disconnection, and both sides make up for them: the subscriber catches every
 * followed document up from storage when it is back (`onResumed`), and the publisher says how far it got
 * on each document whose messages could not go (`head`).
 */
export class RedisFanout implements Fanout {
  /** This process, so that it never hears itself; new at every start. */
  private readonly self = randomUUID();
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly followed = new Map<string, (message: FanoutMessage) => void>();
  /** Per document, the highest seq this node stored but could not announce. */
  private readonly unannounced = new Map<string, number>();
  private readonly resumed: Array<() => void> = [];
  private everReady = false;
  private closed = false;

  constructor(private readonly o: RedisFanoutOptions) {
    this.pub = connectRedis(o.url);
    // Subscriptions are this class's to restore (and then to catch up on), not the client's.
    this.sub = connectRedis(o.url, { autoResubscribe: false });
    this.sub.on('messageBuffer', (channel: Buffer, data: Buffer) => this.hear(channel.toString(), data));
    this.sub.on('ready', () => void this.subscriberReady());
    this.sub.on('close', () => {
      if (this.everReady && !this.closed) o.log.error('fan-out lost Redis; documents catch up from storage when it is back');
    });
    this.pub.on('ready', () => this.announceHeads());
  }

  async follow(doc: string, hear: (message: FanoutMessage) => void): Promise<void> {
    this.followed.set(doc, hear);
    if (this.sub.status !== 'ready') return;
    try {
      await this.sub.subscribe(this.channel(doc));
    } catch {
      // Followed all the same: the resubscription after a reconnection includes it, and catches it up.
    }
  }

  unfollow(doc: string): void {
    this.followed.delete(doc);
    if (this.sub.status === 'ready') this.sub.unsubscribe(this.channel(doc)).catch(() => undefined);
  }

  publish(doc: string, message: FanoutMessage): void {
    const missed = (): void => {
      if (message.kind === 'awareness') return; // presence is renewed every few seconds anyway
      this.unannounced.set(doc, Math.max(message.seq, this.unannounced.get(doc) ?? 0));
    };
    if (this.pub.status !== 'ready') {
      missed();
      return;
    }
    this.pub.publish(this.channel(doc), Buffer.from(encodeFanout(this.self, message))).catch(missed);
  }

  onResumed(resumed: () => void): void {
    this.resumed.push(resumed);
  }

  status(): FanoutStatus {
    return this.pub.status === 'ready' && this.sub.status === 'ready' ? 'ok' : 'degraded';
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([this.pub, this.sub].map((r) => r.quit().catch(() => r.disconnect())));
  }

  private channel(doc: string): string {
    return `${this.o.prefix}doc:${doc}`;
  }

  private hear(channel: string, data: Buffer): void {
    const prefix = `${this.o.prefix}doc:`;
    if (!channel.startsWith(prefix)) return;
    const heard = decodeFanout(data);
    if (!heard) {
      this.o.log.error('fan-out message not understood; ignored', { channel });
      return;
    }
    if (heard.from === this.self) return;
    this.followed.get(channel.slice(prefix.length))?.(heard.message);
  }

  /** Subscribes to every followed document again and has them catch up on what went by meanwhile. */
  private async subscriberReady(): Promise<void> {
    const returning = this.everReady;
    this.everReady = true;
    const channels = [...this.followed.keys()].map((doc) => this.channel(doc));
    try {
      for (let i = 0; i < channels.length; i += RESUBSCRIBE_BATCH) await this.sub.subscribe(...channels.slice(i, i + RESUBSCRIBE_BATCH));
    } catch (err: unknown) {
      this.o.log.error('fan-out could not subscribe again; waiting for the next reconnection', { error: String(err) });
      return;
    }
    if (returning) this.o.log.info('fan-out has Redis again; loaded documents catch up from storage', { docs: channels.length });
    for (const resumed of this.resumed) resumed();
  }

  private announceHeads(): void {
    const heads = [...this.unannounced];
    this.unannounced.clear();
    for (const [doc, seq] of heads) this.publish(doc, { kind: 'head', seq });
  }
}
