import * as decoding from 'lib0/decoding';
import { CloseCode } from '../../shared/protocol/closeCodes';
import { ANONYMOUS_MAX_DOCS } from '../../shared/protocol/limits';
import { decodeMux, encodeMux, MuxType, type MuxMessage } from '../../shared/protocol/muxMessages';
import type { RejectCode } from '../../shared/protocol/rejectCodes';
import { fail, ok, type Fail, type Failure, type Result } from '../../shared/result';
import type { Actor } from '../../shared/roles';
import { TOKEN_REFUSALS, type TokenRefusal } from '../../shared/api/tokenRefusals';
import type { SessionCheck } from '../auth/tokens';
import type { Logger } from '../log';
import type { RateLimiter } from '../limits/rateLimit';
import type { OrderIndex } from '../storage/orderIndex';
import { authorizeDoc, mayDecideAhead, type AccessRefusal } from './access';
import { LoadError, type DocRegistry } from './docRegistry';
import { DocPrefetch } from './prefetch';
import { DeviceSocket } from './socket';
import { FrameOnce } from './frameOnce';
import { readSyncMessage, SyncStep, syncPayload } from '../../shared/protocol/syncPayload';
import type { Subscriber, SyncedDoc } from './syncedDoc';

export interface SyncDeps {
  readonly registry: DocRegistry;
  readonly orders: OrderIndex;
  readonly log: Logger;
  /** Tracking-link lookups per address, shared with GET /api/track (see access.ts). */
  readonly trackLookups: RateLimiter;
}

const UPDATE_FRAMES = new FrameOnce();
const AWARENESS_FRAMES = new FrameOnce();
/** Documents one signed-in device may hold at once over one socket. */
const MAX_DOCS_PER_SOCKET = 10_000;

/** What `decide` found. An `open` verdict holds the document until it is answered (or released unanswered). */
type Decided =
  | { readonly kind: 'open'; readonly doc: SyncedDoc }
  | { readonly kind: 'revoked'; readonly why: TokenRefusal }
  | { readonly kind: 'over_limit' }
  | { readonly kind: 'refused'; readonly error: Failure<AccessRefusal> }
  | { readonly kind: 'load_failed' };
/** Ahead of its turn a subscription may also be left to be decided in turn. */
type Verdict = Decided | { readonly kind: 'in_turn' };

const IN_TURN: Verdict = { kind: 'in_turn' };

type Handler<T extends MuxMessage['type']> = (conn: MuxConnection, msg: Extract<MuxMessage, { type: T }>) => Promise<void> | void;

/** `/sync`: one socket per device carrying many documents (protocol in shared/protocol/muxMessages.ts). */
export class MuxConnection implements Subscriber {
  private readonly socket: DeviceSocket;
  private readonly docs = new Map<string, SyncedDoc>();
  private readonly prefetch: DocPrefetch<Verdict>;
  private queue: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    ws: DeviceSocket['ws'],
    readonly actor: Actor | null,
    private readonly deps: SyncDeps,
    private readonly address: string,
    private readonly stillSignedIn: SessionCheck,
  ) {
    this.socket = new DeviceSocket(ws);
    this.prefetch = new DocPrefetch<Verdict>(
      (name, abandoned) => this.decide(name, abandoned),
      (verdict) => this.releaseVerdict(verdict),
    );
    ws.on('message', (data, isBinary) => {
      if (!isBinary || !(data instanceof Buffer)) {
        this.socket.close(CloseCode.MALFORMED, 'binary frames only');
        return;
      }
      const message = decoded(new Uint8Array(data));
      // Deciding (and loading) the document starts now; the answer still waits for every message before it.
      if (message && (message.type === MuxType.SYNC || message.type === MuxType.UPDATE) && !this.docs.has(message.doc)) {
        this.prefetch.start(message.doc);
      }
      // One message at a time, in arrival order, so a subscribe finishes before the updates behind it.
      this.queue = this.queue
        .then(() => this.handle(message))
        .catch((err: unknown) => {
          this.deps.log.error('mux message failed', { error: String(err) });
          this.socket.close(CloseCode.MALFORMED);
        });
    });
    ws.on('close', () => this.onClose());
  }

  sendUpdate(doc: SyncedDoc, update: Uint8Array): void {
    this.socket.send(
      UPDATE_FRAMES.of(update, () => encodeMux({ type: MuxType.SYNC, doc: doc.name, payload: syncPayload(SyncStep.UPDATE, update) })),
    );
  }

  sendAwareness(doc: SyncedDoc, update: Uint8Array): void {
    this.socket.send(AWARENESS_FRAMES.of(update, () => encodeMux({ type: MuxType.AWARENESS, doc: doc.name, payload: update })));
  }

  dropped(doc: SyncedDoc, code: RejectCode): void {
    this.docs.delete(doc.name);
    this.refuse(
      doc.name,
      code,
      code === 'forbidden' ? 'You no longer have access to this document.' : 'The document was unloaded; subscribe again.',
    );
  }

  private async handle(message: MuxMessage | null): Promise<void> {
    if (this.closed) return;
    if (!message) {
      this.socket.close(CloseCode.MALFORMED);
      return;
    }
    await (HANDLERS[message.type] as Handler<typeof message.type>)(this, message);
  }

  /**
   * The subscribed document, subscribing first if needed; or why it may not be held (REFUSED is sent),
   * so an update behind a refused subscription is rejected for the same reason: a transient one
   * (load_failed, rate_limited) keeps the device's change for a retry instead of losing it. The checks may
   * have been made as the message arrived (see `decide`); the answer, and what is counted or closed for it,
   * comes in turn.
   */
  async subscribe(name: string): Promise<Result<SyncedDoc, RejectCode>> {
    const held = this.docs.get(name);
    if (held) return ok(held);
    const early = await this.prefetch.take(name);
    // Not decided ahead (a tracking document, or no slot yet), or found at the limit then (the connection may
    // have let documents go since): decided now.
    const verdict = early && early.kind !== 'in_turn' && early.kind !== 'over_limit' ? early : await this.decide(name);
    return this.answer(name, verdict);
  }

  /**
   * Whether `name` may be held, holding it if so: the sign-in checked again, the per-connection limit, the
   * access rules, then the load. Quiet, so that it may run `ahead` of its turn (prefetch.ts), as the message
   * arrives: its checks are then older by the time the messages before it take to answer. Some are left
   * to their turn (see `mayDecideAhead`), and nothing is loaded for a connection that closed meanwhile.
   */
  private decide(name: string): Promise<Decided>;
  private decide(name: string, ahead: () => boolean): Promise<Verdict>;
  private async decide(name: string, ahead?: () => boolean): Promise<Verdict> {
    if (ahead && !mayDecideAhead(this.actor, name)) return IN_TURN;
    const ended = await this.stillSignedIn();
    if (ended) return { kind: 'revoked', why: ended };
    if (this.docs.size >= this.maxDocs()) return { kind: 'over_limit' };
    const access = await authorizeDoc({ actor: this.actor, address: this.address }, name, this.deps.orders, this.deps.trackLookups);
    if (!access.ok) return { kind: 'refused', error: access.error };
    if (ahead?.()) return IN_TURN;
    try {
      return { kind: 'open', doc: await this.deps.registry.acquire(access.value) };
    } catch (err: unknown) {
      if (!(err instanceof LoadError)) throw err;
      return { kind: 'load_failed' };
    }
  }

  /** Answers a verdict in turn: the socket closed or refused as the verdict says, or the document subscribed. */
  private answer(name: string, verdict: Decided): Result<SyncedDoc, RejectCode> {
    if (verdict.kind === 'revoked') {
      this.socket.close(CloseCode.REVOKED, TOKEN_REFUSALS[verdict.why]);
      return fail('forbidden', TOKEN_REFUSALS[verdict.why]);
    }
    const limit = this.maxDocs();
    if (verdict.kind === 'over_limit' || this.docs.size >= limit) {
      this.releaseVerdict(verdict);
      return this.refuse(name, 'rate_limited', `At most ${limit} documents per connection.`);
    }
    if (verdict.kind === 'refused') {
      const refusal = this.refuse(name, verdict.error.code, verdict.error.message);
      if (verdict.error.code === 'rate_limited') this.socket.close(CloseCode.ABUSE, verdict.error.message);
      return refusal;
    }
    if (verdict.kind === 'load_failed') return this.refuse(name, 'load_failed', 'The document could not be loaded; try again later.');
    const doc = verdict.doc;
    if (this.closed) {
      this.deps.registry.release(doc);
      return fail('forbidden', 'The connection closed.');
    }
    doc.addSubscriber(this);
    this.docs.set(name, doc);
    this.deps.registry.release(doc);
    return ok(doc);
  }

  private releaseVerdict(verdict: Verdict): void {
    if (verdict.kind === 'open') this.deps.registry.release(verdict.doc);
  }

  private maxDocs(): number {
    return this.actor ? MAX_DOCS_PER_SOCKET : ANONYMOUS_MAX_DOCS;
  }

  held(name: string): SyncedDoc | undefined {
    return this.docs.get(name);
  }

  unsubscribe(name: string): void {
    const doc = this.docs.get(name);
    if (!doc) return;
    this.docs.delete(name);
    doc.removeSubscriber(this);
    this.deps.registry.scheduleIdle(doc);
  }

  send(message: MuxMessage): void {
    this.socket.send(encodeMux(message));
  }

  /** Sends a REJECT for a device update, counting it against the connection's refusal budget. */
  reject(doc: string, seq: number, code: RejectCode, message: string): void {
    this.send({ type: MuxType.REJECT, doc, seq, code, message });
    this.socket.countReject();
  }

  /** Counts a refusal that has no answer of its own (presence), against the same budget. */
  countRefusal(): void {
    this.socket.countReject();
  }

  close(code: CloseCode): void {
    this.socket.close(code);
  }

  private refuse(doc: string, code: RejectCode, message: string): Fail<RejectCode> {
    this.send({ type: MuxType.REFUSED, doc, code, message });
    this.socket.countReject();
    return fail(code, message);
  }

  private onClose(): void {
    this.closed = true;
    this.prefetch.close();
    for (const name of [...this.docs.keys()]) this.unsubscribe(name);
  }
}

/** The message in a frame, or null for one that is not a protocol message (answered in its turn). */
function decoded(frame: Uint8Array): MuxMessage | null {
  try {
    return decodeMux(frame);
  } catch {
    return null;
  }
}

/** Commits a device update and answers ACK or REJECT; seq 0 means the device asked for no answer. */
async function commit(conn: MuxConnection, doc: SyncedDoc, seq: number, update: Uint8Array): Promise<void> {
  const result = await doc.commitFrom(conn, update);
  if (result.ok) {
    if (seq > 0) conn.send({ type: MuxType.ACK, doc: doc.name, seq });
  } else {
    conn.reject(doc.name, seq, result.error.code, result.error.message);
  }
}

/** The protocol as a table of message handlers, one per type a device may send. */
const HANDLERS: { readonly [T in MuxMessage['type']]: Handler<T> } = {
  [MuxType.SYNC]: async (conn, msg) => {
    const subscribed = await conn.subscribe(msg.doc);
    if (!subscribed.ok) return;
    const doc = subscribed.value;
    const sync = readSyncMessage(decoding.createDecoder(msg.payload));
    if (sync.step === SyncStep.STEP1) {
      await doc.catchUpWith(sync.stateVector);
      conn.send({ type: MuxType.SYNC, doc: doc.name, payload: syncPayload(SyncStep.STEP2, doc.stateAsUpdate(sync.stateVector)) });
      const awareness = doc.awarenessSnapshot(conn);
      if (awareness) conn.send({ type: MuxType.AWARENESS, doc: doc.name, payload: awareness });
      // A device that holds clocks the server lacks may hold what storage lost: ask for it.
      if (conn.actor && doc.lacksWhatDeviceHas(sync.stateVector)) {
        conn.send({ type: MuxType.SYNC, doc: doc.name, payload: syncPayload(SyncStep.STEP1, doc.stateVector()) });
      }
    } else {
      await commit(conn, doc, 0, sync.update);
    }
  },
  [MuxType.AWARENESS]: (conn, msg) => {
    const doc = conn.held(msg.doc);
    if (!doc || !conn.actor) return; // anonymous tracking pages neither publish presence nor see it
    const verdict = doc.applyAwareness(conn, msg.payload);
    if (verdict.ok) return;
    if (verdict.error.code === 'malformed') conn.close(CloseCode.MALFORMED);
    else conn.countRefusal();
  },
  [MuxType.UPDATE]: async (conn, msg) => {
    const subscribed = await conn.subscribe(msg.doc);
    if (!subscribed.ok) {
      conn.reject(msg.doc, msg.seq, subscribed.error.code, subscribed.error.message);
      return;
    }
    await commit(conn, subscribed.value, msg.seq, msg.update);
  },
  [MuxType.UNSUBSCRIBE]: (conn, msg) => conn.unsubscribe(msg.doc),
  [MuxType.ACK]: (conn) => conn.close(CloseCode.MALFORMED),
  [MuxType.REJECT]: (conn) => conn.close(CloseCode.MALFORMED),
  [MuxType.REFUSED]: (conn) => conn.close(CloseCode.MALFORMED),
};
