import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { CloseCode } from '../../shared/protocol/closeCodes';
import type { RejectCode } from '../../shared/protocol/rejectCodes';
import type { Actor } from '../../shared/roles';
import { TOKEN_REFUSALS } from '../../shared/api/tokenRefusals';
import type { SessionCheck } from '../auth/tokens';
import { authorizeDoc } from './access';
import { LoadError } from './docRegistry';
import type { SyncDeps } from './muxConnection';
import { DeviceSocket } from './socket';
import { FrameOnce } from './frameOnce';
import { readSyncMessage, SyncStep, writeSync } from '../../shared/protocol/syncPayload';
import type { Subscriber, SyncedDoc } from './syncedDoc';

/** y-websocket's message types; `AUTH` carries a permission-denied reason the stock client logs. */
const Msg = { SYNC: 0, AWARENESS: 1, AUTH: 2, QUERY_AWARENESS: 3 } as const;
const PERMISSION_DENIED = 0;

const frame = (write: (e: encoding.Encoder) => void): Uint8Array => {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
};

const UPDATE_FRAMES = new FrameOnce();
const AWARENESS_FRAMES = new FrameOnce();

const CLOSE_FOR: { readonly [K in 'not_found' | 'forbidden' | 'rate_limited']: CloseCode } = {
  not_found: CloseCode.NOT_FOUND,
  forbidden: CloseCode.FORBIDDEN,
  rate_limited: CloseCode.ABUSE,
};

/**
 * `/sync/<docName>`: the plain y-websocket protocol, one document per socket, so the stock
 * `y-websocket` client works. Refusals close with a named code; refused updates get an AUTH message.
 */
export class PlainConnection implements Subscriber {
  private readonly socket: DeviceSocket;
  private doc: SyncedDoc | null = null;
  private queue: Promise<void>;
  private closed = false;

  constructor(
    ws: DeviceSocket['ws'],
    readonly actor: Actor | null,
    private readonly docName: string,
    private readonly deps: SyncDeps,
    private readonly address: string,
    private readonly stillSignedIn: SessionCheck,
  ) {
    this.socket = new DeviceSocket(ws);
    this.queue = this.open();
    ws.on('message', (data, isBinary) => {
      if (!isBinary || !(data instanceof Buffer)) {
        this.socket.close(CloseCode.MALFORMED, 'binary frames only');
        return;
      }
      this.queue = this.queue.then(() => this.handle(new Uint8Array(data))).catch(() => this.socket.close(CloseCode.MALFORMED));
    });
    ws.on('close', () => {
      this.closed = true;
      if (this.doc) {
        this.doc.removeSubscriber(this);
        this.deps.registry.scheduleIdle(this.doc);
      }
    });
  }

  sendUpdate(_doc: SyncedDoc, update: Uint8Array): void {
    this.socket.send(
      UPDATE_FRAMES.of(update, () =>
        frame((e) => {
          encoding.writeVarUint(e, Msg.SYNC);
          writeSync(e, SyncStep.UPDATE, update);
        }),
      ),
    );
  }

  sendAwareness(_doc: SyncedDoc, update: Uint8Array): void {
    this.socket.send(
      AWARENESS_FRAMES.of(update, () =>
        frame((e) => {
          encoding.writeVarUint(e, Msg.AWARENESS);
          encoding.writeVarUint8Array(e, update);
        }),
      ),
    );
  }

  dropped(_doc: SyncedDoc, code: RejectCode): void {
    this.doc = null;
    this.socket.close(code === 'forbidden' ? CloseCode.FORBIDDEN : CloseCode.LOAD_FAILED);
  }

  private async open(): Promise<void> {
    const ended = await this.stillSignedIn();
    if (ended) {
      this.closed = true;
      this.socket.close(CloseCode.REVOKED, TOKEN_REFUSALS[ended]);
      return;
    }
    const access = await authorizeDoc({ actor: this.actor, address: this.address }, this.docName, this.deps.orders, this.deps.trackLookups);
    if (!access.ok) {
      const { code, message } = access.error;
      this.socket.close(this.actor || code !== 'forbidden' ? CLOSE_FOR[code] : CloseCode.UNAUTHORIZED, message);
      this.closed = true;
      return;
    }
    let doc: SyncedDoc;
    try {
      doc = await this.deps.registry.acquire(access.value);
    } catch (err: unknown) {
      if (!(err instanceof LoadError)) throw err;
      this.closed = true;
      this.socket.close(CloseCode.LOAD_FAILED);
      return;
    }
    if (this.closed) {
      this.deps.registry.release(doc);
      return;
    }
    doc.addSubscriber(this);
    this.deps.registry.release(doc);
    this.doc = doc;
    this.socket.send(
      frame((e) => {
        encoding.writeVarUint(e, Msg.SYNC);
        writeSync(e, SyncStep.STEP1, doc.stateVector());
      }),
    );
    const awareness = doc.awarenessSnapshot(this);
    if (awareness) this.sendAwareness(doc, awareness);
  }

  private async handle(data: Uint8Array): Promise<void> {
    const doc = this.doc;
    if (this.closed || !doc) return;
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case Msg.SYNC: {
        const sync = readSyncMessage(decoder);
        if (sync.step === SyncStep.STEP1) {
          await doc.catchUpWith(sync.stateVector);
          this.socket.send(
            frame((e) => {
              encoding.writeVarUint(e, Msg.SYNC);
              writeSync(e, SyncStep.STEP2, doc.stateAsUpdate(sync.stateVector));
            }),
          );
          return;
        }
        const result = await doc.commitFrom(this, sync.update);
        if (!result.ok) this.denied(result.error.message);
        return;
      }
      case Msg.AWARENESS: {
        if (!this.actor) return;
        const verdict = doc.applyAwareness(this, decoding.readVarUint8Array(decoder));
        if (verdict.ok) return;
        if (verdict.error.code === 'malformed') this.socket.close(CloseCode.MALFORMED);
        else this.socket.countReject();
        return;
      }
      case Msg.QUERY_AWARENESS: {
        const awareness = doc.awarenessSnapshot(this);
        if (awareness) this.sendAwareness(doc, awareness);
        return;
      }
      case Msg.AUTH:
        return;
      default:
        this.socket.close(CloseCode.MALFORMED);
    }
  }

  private denied(reason: string): void {
    this.socket.send(
      frame((e) => {
        encoding.writeVarUint(e, Msg.AUTH);
        encoding.writeVarUint(e, PERMISSION_DENIED);
        encoding.writeVarString(e, reason);
      }),
    );
    this.socket.countReject();
  }
}
