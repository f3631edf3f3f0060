import * as decoding from 'lib0/decoding';
import type { Socket } from 'node:net';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { eventsArray } from '../../shared/order/orderDoc';
import { decodeMux, encodeMux, MuxType, type MuxMessage } from '../../shared/protocol/muxMessages';
import { readSyncMessage, SyncStep, syncPayload } from '../../shared/protocol/syncPayload';
import { PROTOCOL_VERSION } from '../../shared/protocol/version';

/** What a device tells the bench. Times are performance.now() in this process. */
export interface DeviceListener {
  /** Events another device appended, in a relayed update that reached this device at `receivedAt`. */
  relayed(device: BenchDevice, doc: string, added: readonly unknown[], receivedAt: number): void;
  /** The server's answer to UPDATE `seq`: ACK (`rejected` null) or REJECT with its code. */
  answered(device: BenchDevice, doc: string, seq: number, receivedAt: number, rejected: string | null): void;
  closed(device: BenchDevice, code: number): void;
}

/** A listener for a device whose ACKs and relays nobody counts (state checks, catching up). */
export const QUIET: DeviceListener = { relayed: () => undefined, answered: () => undefined, closed: () => undefined };

const REMOTE = Symbol('remote');
const LOCAL = Symbol('local');

interface Pending {
  resolve(): void;
  reject(err: Error): void;
}

/** What the server sent one device, by kind of frame: `step1`, `step2`, `update`, `awareness`, `ack`, ... */
export type Received = Map<string, { frames: number; bytes: number }>;

const KIND: Readonly<Record<number, string>> = {
  [MuxType.AWARENESS]: 'awareness',
  [MuxType.ACK]: 'ack',
  [MuxType.REJECT]: 'reject',
  [MuxType.REFUSED]: 'refused',
};
const SYNC_KIND: Readonly<Record<number, string>> = { [SyncStep.STEP1]: 'step1', [SyncStep.STEP2]: 'step2', [SyncStep.UPDATE]: 'update' };

/**
 * One simulated device: a `/sync` socket and a real Y.Doc per subscribed document, written and read the way
 * the apps do it (append to Y.Array('events'), send the change as UPDATE, apply relayed SYNC updates).
 */
export class BenchDevice {
  private readonly docs = new Map<string, Y.Doc>();
  private readonly subscribing = new Map<string, Pending>();
  private seq = 0;
  /** When the frame being applied arrived: read by the events observer during Y.applyUpdate. */
  private receivedAt = 0;
  /** Frames and their bytes (WebSocket message payloads) received, by kind. */
  readonly received: Received = new Map();

  private constructor(
    readonly index: number,
    private readonly ws: WebSocket,
    private readonly listener: DeviceListener,
    private readonly tcp: Socket | null,
  ) {
    ws.on('message', (data, isBinary) => {
      const at = performance.now();
      if (!isBinary || !Buffer.isBuffer(data)) return;
      const message = decodeMux(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      this.count(message, data.byteLength);
      this.onMessage(message, at);
    });
    ws.on('close', (code) => {
      for (const pending of this.subscribing.values()) pending.reject(new Error(`device ${index}: socket closed (${code})`));
      this.subscribing.clear();
      listener.closed(this, code);
    });
  }

  static connect(baseUrl: string, token: string, index: number, listener: DeviceListener): Promise<BenchDevice> {
    const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/sync?v=${PROTOCOL_VERSION}&token=${encodeURIComponent(token)}`, {
      perMessageDeflate: false,
    });
    let tcp: Socket | null = null;
    ws.once('upgrade', (res) => {
      tcp = res.socket;
    });
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new BenchDevice(index, ws, listener, tcp)));
      ws.once('error', reject);
    });
  }

  /** Bytes read from the TCP connection so far: the HTTP upgrade response, WebSocket framing and every frame. */
  get wireBytesIn(): number {
    return this.tcp?.bytesRead ?? 0;
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  /**
   * Sends SYNC step1 with the state of `doc` (an empty one by default, or one held from an earlier connection);
   * resolves once the server's step2 is applied, rejects on REFUSED.
   */
  subscribe(name: string, doc: Y.Doc = new Y.Doc()): Promise<void> {
    this.docs.set(name, doc);
    eventsArray(doc).observe((event, tr) => {
      if (tr.origin !== REMOTE) return;
      const added: unknown[] = [];
      for (const item of event.changes.added) added.push(...item.content.getContent());
      if (added.length > 0) this.listener.relayed(this, name, added, this.receivedAt);
    });
    return new Promise((resolve, reject) => {
      this.subscribing.set(name, { resolve, reject });
      this.send({ type: MuxType.SYNC, doc: name, payload: syncPayload(SyncStep.STEP1, Y.encodeStateVector(doc)) });
    });
  }

  /** The device's copy of a subscribed document. */
  doc(name: string): Y.Doc | undefined {
    return this.docs.get(name);
  }

  /**
   * Appends `event` to the document's events and sends the change as UPDATE.
   * Returns the seq the server will answer to and the time taken just before the frame went to the socket.
   */
  append(name: string, event: object): { readonly seq: number; readonly sentAt: number } {
    const doc = this.docs.get(name);
    if (!doc) throw new Error(`device ${this.index} does not hold ${name}`);
    const updates: Uint8Array[] = [];
    const grab = (u: Uint8Array): void => {
      updates.push(u);
    };
    doc.on('update', grab);
    doc.transact(() => eventsArray(doc).push([event]), LOCAL);
    doc.off('update', grab);
    const update = updates[0];
    if (update === undefined) throw new Error('the append produced no update');
    const seq = ++this.seq;
    const frame = encodeMux({ type: MuxType.UPDATE, doc: name, seq, update });
    const sentAt = performance.now();
    this.ws.send(frame);
    return { seq, sentAt };
  }

  close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.ws.once('close', () => resolve());
      this.ws.close();
    });
  }

  private send(message: MuxMessage): void {
    this.ws.send(encodeMux(message));
  }

  private count(message: MuxMessage, bytes: number): void {
    const kind =
      message.type === MuxType.SYNC ? (SYNC_KIND[message.payload[0] ?? -1] ?? 'sync?') : (KIND[message.type] ?? `type ${message.type}`);
    const tally = this.received.get(kind) ?? { frames: 0, bytes: 0 };
    tally.frames += 1;
    tally.bytes += bytes;
    this.received.set(kind, tally);
  }

  private onMessage(message: MuxMessage, at: number): void {
    switch (message.type) {
      case MuxType.SYNC: {
        const doc = this.docs.get(message.doc);
        if (!doc) return;
        const sync = readSyncMessage(decoding.createDecoder(message.payload));
        if (sync.step === SyncStep.STEP1) return;
        this.receivedAt = at;
        Y.applyUpdate(doc, sync.update, REMOTE);
        if (sync.step === SyncStep.STEP2) this.settle(message.doc, null);
        return;
      }
      case MuxType.ACK:
        this.listener.answered(this, message.doc, message.seq, at, null);
        return;
      case MuxType.REJECT:
        this.listener.answered(this, message.doc, message.seq, at, `${message.code}: ${message.message}`);
        return;
      case MuxType.REFUSED:
        this.settle(message.doc, new Error(`device ${this.index}: ${message.doc} refused (${message.code}: ${message.message})`));
        return;
      default:
        return;
    }
  }

  private settle(name: string, err: Error | null): void {
    const pending = this.subscribing.get(name);
    if (!pending) return;
    this.subscribing.delete(name);
    if (err) pending.reject(err);
    else pending.resolve();
  }
}
