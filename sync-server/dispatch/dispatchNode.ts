import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ChosenDriver } from '../../shared/dispatch/chooseDriver';
import { isDelivery } from '../../shared/dispatch/offer';
import type { OrderId, UserId } from '../../shared/ids';
import { fail, type Result } from '../../shared/result';
import { DispatchFence, FenceLost } from '../storage/dispatchFence';
import { DispatchState } from '../storage/dispatchState';
import type { Database } from '../storage/sql/schema';
import type { DocHooks } from '../sync/docRegistry';
import type { SyncedDoc } from '../sync/syncedDoc';
import {
  Dispatcher,
  type AcceptRefusal,
  type AssignRefusal,
  type DeclineRefusal,
  type DispatcherDeps,
  type ShuttingDown,
} from './dispatcher';
import { DISPATCH_UNAVAILABLE, type DispatchPort, type DispatchUnavailable } from './dispatchPort';
import { chosenDriverSchema, nothingSchema, resultSchema, type Answer, type DispatchAsk } from './leadership/busMessages';
import type { BusListener, DispatchBus } from './leadership/dispatchBus';
import type { Leadership, Term } from './leadership/leadership';
import { LeaderDuties } from './leadership/leaderDuties';

export interface DispatchNodeDeps extends Omit<DispatcherDeps, 'state' | 'fence' | 'sharedDocs' | 'fenceLost'> {
  readonly sql: Kysely<Database>;
  /** How long a decision waits for a leader (this node, or the one the bus reaches) before it is refused as unavailable. */
  readonly askTimeoutMs?: number;
}

/** Waiting long enough to ride out a takeover (the lease expiring, the next node starting) when it can. */
const ASK_TIMEOUT_MS = 5_000;
const ASK_AGAIN_MS = 200;
const SHUTTING_DOWN = fail('shutting_down', 'The server is restarting; try again in a moment.');

/** The refusal codes of C, every one of them (a list that misses one does not compile). */
const allOf =
  <C extends string>() =>
  <const T extends readonly [C, ...C[]]>(codes: T & ([Exclude<C, T[number]>] extends [never] ? unknown : never)): T =>
    codes;

const ACCEPTED = resultSchema(nothingSchema, allOf<AcceptRefusal>()(['offer_expired', 'offer_not_yours', 'shutting_down']));
const DECLINED = resultSchema(nothingSchema, allOf<DeclineRefusal>()(['offer_not_yours', 'shutting_down']));
const SHIFTED = resultSchema(nothingSchema, allOf<ShuttingDown>()(['shutting_down']));
const ASSIGNED = resultSchema(
  chosenDriverSchema,
  allOf<AssignRefusal>()([
    'unknown_order',
    'not_a_delivery',
    'order_finished',
    'already_assigned',
    'no_driver_available',
    'order_changed',
    'shutting_down',
  ]),
);

interface Lead {
  readonly term: Term;
  readonly dispatcher: Dispatcher;
}

function decideOn(dispatcher: Dispatcher, ask: DispatchAsk): Promise<Result<unknown, string>> {
  switch (ask.op) {
    case 'accept':
      return dispatcher.accept(ask.driverId, ask.orderId);
    case 'decline':
      return dispatcher.decline(ask.driverId, ask.orderId, ask.reason);
    case 'shift':
      return dispatcher.shiftChanged(ask.driverId, ask.onShift);
    case 'assign':
      return dispatcher.assignNow(ask.orderId);
  }
}

/**
 * Dispatch on one node of several (or the only one). While the node leads (leadership/), a Dispatcher of
 * its term makes every decision, its writes fenced with the term's token; a new term rebuilds from
 * storage (Dispatcher.start), and an ended one is closed, its timers and queued work dropped. While it
 * does not lead, what would set dispatch going (commits, kicks) is told to the leader over the bus, and
 * decisions asked of it are asked of the leader; when there is none for a few seconds (a takeover), the
 * answer is `dispatch_unavailable`. A node alone leads for good, with no bus and nothing fenced.
 */
export class DispatchNode implements DocHooks, DispatchPort {
  private lead: Lead | null = null;
  private readonly retiring = new Set<Promise<void>>();
  private readonly fences: DispatchFence;
  private closing = false;
  /** What else runs on the leader only (see LeaderDuties). */
  readonly duties = new LeaderDuties();

  constructor(
    private readonly d: DispatchNodeDeps,
    private readonly leadership: Leadership,
    private readonly bus: DispatchBus | null,
  ) {
    this.fences = new DispatchFence(d.sql);
  }

  /** Starts campaigning; resolves once this node leads and has rebuilt dispatch, or knows another does. */
  start(): Promise<void> {
    return this.leadership.start({ elected: (term) => this.elected(term), deposed: (term) => this.deposed(term) });
  }

  /** Whether this node leads dispatch now. */
  get leading(): boolean {
    return this.lead !== null;
  }

  afterCommit(doc: SyncedDoc): void | Promise<void> {
    if (this.lead) return this.lead.dispatcher.afterCommit(doc);
    if (doc.ref.kind !== 'order' || !this.bus) return;
    const view = doc.orderView();
    if (view && isDelivery(view.header)) this.bus.notify({ kind: 'order', orderId: doc.ref.orderId });
  }

  kick(): void {
    if (this.lead) this.lead.dispatcher.kick();
    else this.bus?.notify({ kind: 'kick' });
  }

  accept(driverId: UserId, orderId: OrderId): Promise<Result<undefined, AcceptRefusal | DispatchUnavailable>> {
    return this.decide({ op: 'accept', driverId, orderId }, (d) => d.accept(driverId, orderId), ACCEPTED);
  }

  decline(driverId: UserId, orderId: OrderId, reason: string | null): Promise<Result<undefined, DeclineRefusal | DispatchUnavailable>> {
    return this.decide({ op: 'decline', driverId, orderId, reason }, (d) => d.decline(driverId, orderId, reason), DECLINED);
  }

  shiftChanged(driverId: UserId, onShift: boolean): Promise<Result<undefined, ShuttingDown | DispatchUnavailable>> {
    return this.decide({ op: 'shift', driverId, onShift }, (d) => d.shiftChanged(driverId, onShift), SHIFTED);
  }

  assignNow(orderId: OrderId): Promise<Result<ChosenDriver, AssignRefusal | DispatchUnavailable>> {
    return this.decide({ op: 'assign', orderId }, (d) => d.assignNow(orderId), ASSIGNED);
  }

  /** Stops leading (another node takes over at once) and waits for the decision in progress. */
  async close(): Promise<void> {
    this.closing = true;
    await this.leadership.close();
    await this.bus?.close();
    await Promise.all(this.retiring);
  }

  private async elected(term: Term): Promise<void> {
    const guard = term.fence === null ? undefined : this.fences.guard(term.fence);
    const dispatcher = new Dispatcher({
      ...this.d,
      state: new DispatchState(this.d.sql, guard ?? null),
      ...(guard ? { fence: guard } : {}),
      sharedDocs: this.bus !== null,
      fenceLost: () => this.leadership.resign(term),
    });
    const lead: Lead = { term, dispatcher };
    this.lead = lead;
    // Listening first: what is told from now on is heard, and what was before is in storage for start() to read.
    await this.bus?.lead(this.listener);
    try {
      await dispatcher.start();
    } catch (err: unknown) {
      if (!(err instanceof FenceLost)) throw err;
      this.leadership.resign(term);
      return;
    }
    if (this.lead === lead) this.duties.elected();
  }

  private deposed(term: Term): Promise<void> {
    const lead = this.lead;
    if (lead?.term !== term) return Promise.resolve();
    this.lead = null;
    void this.bus?.follow();
    const closed = Promise.all([lead.dispatcher.close(), this.duties.deposed()])
      .then(() => undefined)
      .catch((err: unknown) => this.d.log.error('dispatch: closing a term failed', { error: String(err) }));
    this.retiring.add(closed);
    void closed.then(() => this.retiring.delete(closed));
    return closed;
  }

  private readonly listener: BusListener = {
    kick: () => this.lead?.dispatcher.kick(),
    orderChanged: (orderId) => {
      this.lead?.dispatcher
        .orderChanged(orderId)
        .catch((err: unknown) => this.d.log.error('dispatch: an order changed on another node failed', { orderId, error: String(err) }));
    },
    answer: async (ask): Promise<Answer> => {
      const lead = this.lead;
      const answer = lead && !this.closing ? await this.locally(lead, (d) => decideOn(d, ask)) : 'retry';
      // This leader closing is no reason for the asking node to refuse: the next leader decides.
      const closing = answer !== 'retry' && !answer.ok && answer.error.code === 'shutting_down';
      return answer === 'retry' || closing ? { retry: true } : { result: answer };
    },
  };

  /** Decides here while this node leads, else asks the leader; asks again through a takeover until the deadline. */
  private async decide<T, C extends string>(
    ask: DispatchAsk,
    here: (dispatcher: Dispatcher) => Promise<Result<T, C>>,
    there: z.ZodType<Result<T, C>>,
  ): Promise<Result<T, C | ShuttingDown | DispatchUnavailable>> {
    const deadline = Date.now() + (this.d.askTimeoutMs ?? ASK_TIMEOUT_MS);
    for (;;) {
      if (this.closing) return SHUTTING_DOWN;
      const lead = this.lead;
      if (lead) {
        const answer = await this.locally(lead, here);
        if (answer !== 'retry') return answer;
      } else if (this.bus) {
        const heard = await this.bus.ask(ask, deadline);
        if (heard.kind === 'answered' && 'result' in heard.answer) return there.parse(heard.answer.result);
        if (heard.kind === 'answered' && 'failed' in heard.answer) throw new Error(`the dispatch leader failed: ${heard.answer.failed}`);
      }
      if (Date.now() + ASK_AGAIN_MS >= deadline) return DISPATCH_UNAVAILABLE;
      await new Promise((resolve) => setTimeout(resolve, ASK_AGAIN_MS));
    }
  }

  /** 'retry': the term ended before deciding (closed, or its fence refused), so the next leader must. */
  private async locally<T, C extends string>(
    lead: Lead,
    job: (dispatcher: Dispatcher) => Promise<Result<T, C>>,
  ): Promise<Result<T, C> | 'retry'> {
    try {
      const result = await job(lead.dispatcher);
      return !result.ok && result.error.code === 'shutting_down' && !this.closing ? 'retry' : result;
    } catch (err: unknown) {
      if (!(err instanceof FenceLost)) throw err;
      this.leadership.resign(lead.term);
      return 'retry';
    }
  }
}
