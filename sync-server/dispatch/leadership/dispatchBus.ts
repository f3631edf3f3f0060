import type { Redis } from 'ioredis';
import { randomId, type OrderId } from '../../../shared/ids';
import type { Logger } from '../../log';
import { parseJson } from '../../presence/redisReplies';
import { askMessageSchema, noticeSchema, replyMessageSchema, type Answer, type DispatchAsk, type Notice } from './busMessages';

/** What the leader does with what the bus brings it. */
export interface BusListener {
  kick(): void;
  orderChanged(orderId: OrderId): void;
  answer(ask: DispatchAsk): Promise<Answer>;
}

/** How an ask ended: answered, or nobody answered (no leader listening, or none before the deadline). */
export type Heard = { readonly kind: 'answered'; readonly answer: Answer } | { readonly kind: 'unheard' };

export interface DispatchBusOptions {
  /** Commands and publishing. */
  readonly pub: Redis;
  /** Subscriptions only (a subscribed Redis connection takes no other command). */
  readonly sub: Redis;
  readonly prefix: string;
  /** This process's lease holder name: its replies come on a channel of its own. */
  readonly holder: string;
  readonly log: Logger;
}

/**
 * Redis pub/sub between the nodes and the dispatch leader, under `<prefix>dispatch:`. Only the leader
 * subscribes to `kick` and `ask`, so a publish that reached nobody (PUBLISH counts receivers) means no
 * leader is listening, and the asking node waits and asks again rather than for a reply that cannot come.
 * Each node hears its replies on `reply:<holder>`. Messages are JSON, parsed with zod; a lost one costs a
 * request its answer (the asking node answers 503 at its deadline), never a decision made twice, since
 * the leader makes each decision once and a retried one is answered from the stored state.
 */
export class DispatchBus {
  private readonly channels: { readonly kick: string; readonly ask: string; readonly reply: string };
  private readonly waiting = new Map<string, (answer: Answer) => void>();
  private listener: BusListener | null = null;
  /** Subscription changes, one after another, each bringing the subscriptions to what `listener` says. */
  private changes: Promise<void> = Promise.resolve();

  constructor(private readonly o: DispatchBusOptions) {
    const base = `${o.prefix}dispatch:`;
    this.channels = { kick: `${base}kick`, ask: `${base}ask`, reply: `${base}reply:${o.holder}` };
    o.sub.on('message', (channel: string, text: string) => this.received(channel, text));
    // Subscribing needs the connection up: done again each time it is (re)established.
    o.sub.on('ready', () => void this.reconcile());
  }

  /** Listens for this node's replies. */
  start(): Promise<void> {
    return this.reconcile();
  }

  /** This node leads: what nodes send the leader comes to `listener`. */
  lead(listener: BusListener): Promise<void> {
    this.listener = listener;
    return this.reconcile();
  }

  /** This node no longer leads: it stops hearing what is meant for the leader. */
  follow(): Promise<void> {
    this.listener = null;
    return this.reconcile();
  }

  /** Tells the leader, if one listens; nobody waits for it (a lost notice is made up by the leader's next start or retry). */
  notify(notice: Notice): void {
    this.o.pub.publish(this.channels.kick, JSON.stringify(notice)).catch(() => undefined);
  }

  /** Asks the leader to decide; waits for its answer until `deadline` (Date.now() time). */
  ask(ask: DispatchAsk, deadline: number): Promise<Heard> {
    const id = randomId();
    return new Promise<Heard>((resolve) => {
      const finish = (heard: Heard): void => {
        clearTimeout(timer);
        this.waiting.delete(id);
        resolve(heard);
      };
      const timer = setTimeout(() => finish({ kind: 'unheard' }), Math.max(0, deadline - Date.now()));
      this.waiting.set(id, (answer) => finish({ kind: 'answered', answer }));
      this.o.pub.publish(this.channels.ask, JSON.stringify({ id, replyTo: this.channels.reply, ask })).then(
        (receivers) => {
          if (receivers === 0) finish({ kind: 'unheard' });
        },
        () => finish({ kind: 'unheard' }),
      );
    });
  }

  /** Stops listening for the leader; asks still waiting end (the caller sees the server closing). The connections are their owner's to close. */
  async close(): Promise<void> {
    this.listener = null;
    for (const resolve of [...this.waiting.values()]) resolve({ retry: true });
    await this.reconcile().catch(() => undefined);
  }

  private reconcile(): Promise<void> {
    const next = this.changes.then(async () => {
      const leader = [this.channels.kick, this.channels.ask];
      if (this.listener) await this.o.sub.subscribe(this.channels.reply, ...leader);
      else await this.o.sub.subscribe(this.channels.reply).then(() => this.o.sub.unsubscribe(...leader));
    });
    this.changes = next.catch((err: unknown) => this.o.log.error('dispatch bus: subscribing failed', { error: String(err) }));
    return this.changes;
  }

  private received(channel: string, text: string): void {
    if (channel === this.channels.reply) {
      const reply = replyMessageSchema.safeParse(parseJson(text));
      if (reply.success) this.waiting.get(reply.data.id)?.(reply.data.answer);
      return;
    }
    const listener = this.listener;
    if (!listener) return;
    if (channel === this.channels.kick) {
      const notice = noticeSchema.safeParse(parseJson(text));
      if (!notice.success) return;
      if (notice.data.kind === 'kick') listener.kick();
      else listener.orderChanged(notice.data.orderId);
    } else if (channel === this.channels.ask) {
      const message = askMessageSchema.safeParse(parseJson(text));
      if (message.success) void this.reply(listener, message.data.id, message.data.replyTo, message.data.ask);
    }
  }

  private async reply(listener: BusListener, id: string, replyTo: string, ask: DispatchAsk): Promise<void> {
    let answer: Answer;
    try {
      answer = await listener.answer(ask);
    } catch (err: unknown) {
      answer = { failed: err instanceof Error ? err.message : String(err) };
    }
    await this.o.pub.publish(replyTo, JSON.stringify({ id, answer })).catch(() => undefined);
  }
}
