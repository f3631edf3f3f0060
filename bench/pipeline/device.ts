import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { eventsArray } from '../../shared/order/orderDoc';
import { decodeMux, encodeMux, MuxType, type MuxMessage } from '../../shared/protocol/muxMessages';
import { readSyncMessage, SyncStep, syncPayload } from '../../shared/protocol/syncPayload';
import { PROTOCOL_VERSION } from '../../shared/protocol/version';

interface Waiter {
  resolve(): void;
  reject(err: Error): void;
}

const REMOTE = Symbol('remote');

/**
 * One app on a device as the pipeline needs it: a `/sync` socket holding real Y.Docs, subscribing and
 * unsubscribing as the apps do, appending events and awaiting the server's ACK. Unlike bench/sync's
 * device it answers with promises, because every pipeline step waits for the one before.
 */
export class PipelineDevice {
  private readonly docs = new Map<string, Y.Doc>();
  private readonly subscribing = new Map<string, Waiter>();
  private readonly answers = new Map<number, Waiter>();
  private seq = 0;

  private constructor(
    private readonly ws: WebSocket,
    readonly label: string,
  ) {
    ws.on('message', (data, isBinary) => {
      if (!isBinary || !Buffer.isBuffer(data)) return;
      this.onMessage(decodeMux(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
    });
    ws.on('close', (code) => {
      const err = new Error(`${label}: socket closed (${code})`);
      for (const w of [...this.subscribing.values(), ...this.answers.values()]) w.reject(err);
      this.subscribing.clear();
      this.answers.clear();
    });
  }

  static connect(baseUrl: string, token: string, label: string): Promise<PipelineDevice> {
    const query = new URLSearchParams({ v: String(PROTOCOL_VERSION), token });
    const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/sync?${query.toString()}`, { perMessageDeflate: false });
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new PipelineDevice(ws, label)));
      ws.once('error', reject);
    });
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  /** Subscribes with an empty doc; resolves with it once the server's step2 is applied, rejects on REFUSED. */
  subscribe(name: string): Promise<Y.Doc> {
    const doc = new Y.Doc();
    this.docs.set(name, doc);
    return new Promise<Y.Doc>((resolve, reject) => {
      this.subscribing.set(name, { resolve: () => resolve(doc), reject });
      this.send({ type: MuxType.SYNC, doc: name, payload: syncPayload(SyncStep.STEP1, Y.encodeStateVector(doc)) });
    });
  }

  unsubscribe(name: string): void {
    const doc = this.docs.get(name);
    if (!doc) return;
    this.docs.delete(name);
    doc.destroy();
    if (this.open) this.send({ type: MuxType.UNSUBSCRIBE, doc: name });
  }

  /** Appends `event` to the document's events; resolves on ACK, rejects on REJECT with its code. */
  append(name: string, event: object): Promise<void> {
    const doc = this.docs.get(name);
    if (!doc) return Promise.reject(new Error(`${this.label} does not hold ${name}`));
    const before = Y.encodeStateVector(doc);
    doc.transact(() => eventsArray(doc).push([event]));
    const update = Y.encodeStateAsUpdate(doc, before);
    const seq = ++this.seq;
    return new Promise<void>((resolve, reject) => {
      this.answers.set(seq, { resolve, reject });
      this.send({ type: MuxType.UPDATE, doc: name, seq, update });
    });
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

  private onMessage(message: MuxMessage): void {
    switch (message.type) {
      case MuxType.SYNC: {
        const doc = this.docs.get(message.doc);
        if (!doc) return;
        const sync = readSyncMessage(decoding.createDecoder(message.payload));
        if (sync.step === SyncStep.STEP1) return;
        Y.applyUpdate(doc, sync.update, REMOTE);
        if (sync.step === SyncStep.STEP2) this.settle(this.subscribing, message.doc, null);
        return;
      }
      case MuxType.ACK:
        this.settle(this.answers, message.seq, null);
        return;
      case MuxType.REJECT:
        this.settle(this.answers, message.seq, new Error(`${this.label}: ${message.doc} rejected (${message.code}: ${message.message})`));
        return;
      case MuxType.REFUSED:
        this.docs.delete(message.doc);
        this.settle(
          this.subscribing,
          message.doc,
          new Error(`${this.label}: ${message.doc} refused (${message.code}: ${message.message})`),
        );
        return;
      default:
        return;
    }
  }

  private settle<K>(waiting: Map<K, Waiter>, key: K, err: Error | null): void {
    const w = waiting.get(key);
    if (!w) return;
    waiting.delete(key);
    if (err) w.reject(err);
    else w.resolve();
  }
}
