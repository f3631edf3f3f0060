import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { eventsArray } from '../../../shared/order/orderDoc';

/** y-websocket's AUTH message: the server refused an update (Dabba says why; the stock server never sends it). */
const MESSAGE_AUTH = 2;

/** What a device tells the bench. Times are performance.now() in this process. */
export interface PlainListener {
  /** Events another device appended, in an update that reached `device` at `receivedAt`. */
  relayed(device: PlainDevice, added: readonly unknown[], receivedAt: number): void;
  /** The server answered an update with permission denied. */
  refused(device: PlainDevice, reason: string): void;
  /** The socket closed while the bench was running. */
  closed(device: PlainDevice, code: number): void;
}

/** A listener for a device whose deliveries nobody counts (the template read, the final state check). */
export const QUIET: PlainListener = { relayed: () => undefined, refused: () => undefined, closed: () => undefined };

/**
 * The stock client's socket without permessage-deflate: neither server compresses (Dabba refuses it), and
 * offering it would make the comparison measure zlib, not the servers.
 */
class PlainWebSocket extends WebSocket {
  constructor(url: string, protocols?: string | string[]) {
    super(url, protocols, { perMessageDeflate: false });
  }
}

/**
 * One device as a stock y-websocket client sees it: a Y.Doc synced through `WebsocketProvider` (awareness,
 * keepalive check and reconnect included), one document per socket. Appends go through the doc, so the
 * provider sends them exactly as an app built on y-websocket would.
 */
export class PlainDevice {
  readonly doc = new Y.Doc();
  private readonly provider: WebsocketProvider;

  constructor(
    readonly index: number,
    serverUrl: string,
    readonly docName: string,
    params: Record<string, string>,
    listener: PlainListener,
    seed: Uint8Array | null,
  ) {
    if (seed) Y.applyUpdate(this.doc, seed);
    this.provider = new WebsocketProvider(serverUrl, docName, this.doc, {
      connect: false,
      params,
      // The WebSocket class the provider constructs, with the bench's options.
      WebSocketPolyfill: PlainWebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      // Closed sockets are counted, not retried: a reconnect would hide a refusal as a slow delivery.
      shouldReconnect: () => false,
    });
    eventsArray(this.doc).observe((event, tr) => {
      if (tr.origin !== this.provider) return;
      const added: unknown[] = [];
      for (const item of event.changes.added) added.push(...item.content.getContent());
      if (added.length > 0) listener.relayed(this, added, performance.now());
    });
    this.provider.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder) => {
      decoder.pos = decoder.arr.length;
      listener.refused(this, 'permission denied');
    };
    this.provider.on('connection-close', (event) => {
      if (event) listener.closed(this, event.code);
    });
  }

  /** Connects and resolves once the first sync with the server is done. */
  connect(timeoutMs = 60_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`device ${this.index} did not sync ${this.docName} in ${timeoutMs} ms`)), timeoutMs);
      this.provider.once('sync', () => {
        clearTimeout(timer);
        resolve();
      });
      this.provider.once('closed', ({ code, reason }) => {
        clearTimeout(timer);
        reject(new Error(`device ${this.index}: ${this.docName} closed (${code} ${reason})`));
      });
      this.provider.connect();
    });
  }

  get open(): boolean {
    return this.provider.wsconnected;
  }

  /** Appends `event` to the order's events; the provider sends the update in the same call. Returns the send time. */
  append(event: object): number {
    const sentAt = performance.now();
    this.doc.transact(() => eventsArray(this.doc).push([event]));
    return sentAt;
  }

  close(): void {
    this.provider.destroy();
    this.doc.destroy();
  }
}
