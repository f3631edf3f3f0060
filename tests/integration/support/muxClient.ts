import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { decodeMux, encodeMux, MuxType, type MuxMessage } from '../../../shared/protocol/muxMessages';
import { readSyncMessage, SyncStep, syncPayload } from '../../../shared/protocol/syncPayload';
import { PROTOCOL_VERSION } from '../../../shared/protocol/version';

type Answer = Extract<MuxMessage, { type: 3 | 4 }>;

/** A minimal device speaking the `/sync` multiplexed protocol, for tests: real socket, real Yjs docs. */
export class MuxTestClient {
  readonly docs = new Map<string, Y.Doc>();
  readonly refused = new Map<string, Extract<MuxMessage, { type: 6 }>>();
  readonly received: MuxMessage[] = [];
  closeCode: number | null = null;
  private readonly answers = new Map<string, (m: Answer) => void>();
  private readonly synced = new Map<string, () => void>();
  private seq = 0;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => this.onMessage(decodeMux(new Uint8Array(data))));
    ws.on('close', (code) => {
      this.closeCode = code;
    });
  }

  /** `identity`: the device and app the socket announces, as the apps do (`{device: 'tablet-1', app: 'outlet'}`). */
  static async connect(baseUrl: string, token: string | null, identity: Record<string, string> = {}): Promise<MuxTestClient> {
    const query = new URLSearchParams({ v: String(PROTOCOL_VERSION), ...(token ? { token } : {}), ...identity });
    const url = `${baseUrl.replace(/^http/, 'ws')}/sync?${query.toString()}`;
    const ws = new WebSocket(url);
    const client = new MuxTestClient(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return client;
  }

  /** Starts from a copy of `state` for `name`, as a device reopening what it stored. */
  adopt(name: string, state: Y.Doc): void {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(state));
    this.docs.set(name, doc);
  }

  /** Subscribes and resolves with the doc once the server's step2 arrived, or the refusal. */
  subscribe(name: string): Promise<Y.Doc | Extract<MuxMessage, { type: 6 }>> {
    const doc = this.docs.get(name) ?? new Y.Doc();
    this.docs.set(name, doc);
    return new Promise((resolve) => {
      this.synced.set(name, () => {
        const refusal = this.refused.get(name);
        resolve(refusal ?? doc);
      });
      this.send({ type: MuxType.SYNC, doc: name, payload: syncPayload(SyncStep.STEP1, Y.encodeStateVector(doc)) });
    });
  }

  /** Subscribes and resolves with the doc once synced; throws when the server refuses it. */
  async open(name: string): Promise<Y.Doc> {
    const result = await this.subscribe(name);
    if (!(result instanceof Y.Doc)) throw new Error(`refused ${name}: ${result.code} ${result.message}`);
    return result;
  }

  /** Changes the local doc and sends the change as UPDATE; resolves with the server's ACK or REJECT. */
  change(name: string, fn: (doc: Y.Doc) => void): Promise<Answer> {
    const doc = this.docs.get(name);
    if (!doc) throw new Error(`not subscribed to ${name}`);
    const before = Y.encodeStateVector(doc);
    doc.transact(() => fn(doc), 'local');
    return this.sendUpdate(name, Y.encodeStateAsUpdate(doc, before));
  }

  /**
   * Makes the change on a copy of the local doc and sends only that: for updates the server should refuse,
   * so the local doc stays a faithful replica (an accepted proposal is not in it; use `change` for those).
   */
  propose(name: string, fn: (doc: Y.Doc) => void): Promise<Answer> {
    const doc = this.docs.get(name);
    if (!doc) throw new Error(`not subscribed to ${name}`);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(copy);
    copy.transact(() => fn(copy), 'local');
    return this.sendUpdate(name, Y.encodeStateAsUpdate(copy, before));
  }

  sendUpdate(name: string, update: Uint8Array): Promise<Answer> {
    const seq = ++this.seq;
    return new Promise((resolve) => {
      this.answers.set(`${name}#${seq}`, resolve);
      this.send({ type: MuxType.UPDATE, doc: name, seq, update });
    });
  }

  send(message: MuxMessage): void {
    this.ws.send(encodeMux(message));
  }

  closed(): Promise<number> {
    if (this.closeCode !== null) return Promise.resolve(this.closeCode);
    return new Promise((resolve) => this.ws.once('close', (code) => resolve(code)));
  }

  close(): void {
    this.ws.close();
  }

  private onMessage(message: MuxMessage): void {
    this.received.push(message);
    switch (message.type) {
      case MuxType.SYNC: {
        const doc = this.docs.get(message.doc);
        if (!doc) return;
        const sync = readSyncMessage(decoding.createDecoder(message.payload));
        // The server asks for what it lacks: answer like a device, with everything past its state vector.
        if (sync.step === SyncStep.STEP1) {
          this.send({
            type: MuxType.SYNC,
            doc: message.doc,
            payload: syncPayload(SyncStep.STEP2, Y.encodeStateAsUpdate(doc, sync.stateVector)),
          });
          return;
        }
        Y.applyUpdate(doc, sync.update, 'remote');
        if (sync.step === SyncStep.STEP2) this.synced.get(message.doc)?.();
        return;
      }
      case MuxType.ACK:
      case MuxType.REJECT:
        this.answers.get(`${message.doc}#${message.seq}`)?.(message);
        return;
      case MuxType.REFUSED:
        this.refused.set(message.doc, message);
        this.synced.get(message.doc)?.();
        return;
      default:
        return;
    }
  }
}
