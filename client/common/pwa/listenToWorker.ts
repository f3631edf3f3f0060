import { workerMessageSchema } from './workerMessages';

export interface WorkerListeners {
  /** The worker stored these documents (a push's pull); read them again. */
  readonly onStored?: (docs: readonly string[]) => void;
}

/** Shows a same-origin path: a hash change within this page, a navigation to another app's page. */
function show(path: string): void {
  const target = new URL(path, window.location.origin);
  if (target.origin !== window.location.origin) return;
  if (target.pathname !== window.location.pathname) window.location.assign(target.href);
  else if (target.hash !== window.location.hash) window.location.hash = target.hash;
}

/** Hears what the service worker tells this window (see workerMessages.ts). Returns a function that stops. */
export function listenToWorker(listeners: WorkerListeners = {}): () => void {
  if (!('serviceWorker' in navigator)) return () => undefined;
  const container = navigator.serviceWorker;
  const onMessage = (event: MessageEvent): void => {
    const message = workerMessageSchema.safeParse(event.data);
    if (!message.success) return;
    if (message.data.type === 'dabba:stored') listeners.onStored?.(message.data.docs);
    else show(message.data.path);
  };
  container.addEventListener('message', onMessage);
  // Messages wait in a queue until the page says it listens; a push may already have sent some.
  container.startMessages();
  return () => container.removeEventListener('message', onMessage);
}
