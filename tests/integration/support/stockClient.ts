import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** The stock `y-websocket` client against `/sync/<docName>`, as any Yjs app would use it. */
export function stockProvider(baseUrl: string, docName: string, token: string | null, doc = new Y.Doc()): WebsocketProvider {
  const params: Record<string, string> = token ? { token } : {};
  return new WebsocketProvider(`${baseUrl.replace(/^http/, 'ws')}/sync`, docName, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params,
    disableBc: true,
    maxBackoffTime: 500,
  });
}

export function whenSynced(provider: WebsocketProvider, timeoutMs = 10_000): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not synced: ${provider.roomname}`)), timeoutMs);
    provider.once('sync', (synced: boolean) => {
      if (synced) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}

/** The close code the server sent, once the provider gives up (codes 4400–4499 are terminal for the stock client). */
export function whenClosed(provider: WebsocketProvider, timeoutMs = 10_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('not closed')), timeoutMs);
    provider.on('connection-close', (event: CloseEvent | null) => {
      if (event) {
        clearTimeout(timer);
        provider.destroy();
        resolve(event.code);
      }
    });
  });
}

export async function eventually(check: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
