import type * as Y from 'yjs';
import type { DeviceSnapshot } from '../../../../../client/common/device/device';
import type { Session } from '../../../../../client/common/session/session';
import { openDabbaDb, type DabbaDb, type DocSyncState } from '../../../../../client/common/store/db';
import type { ConnectionState } from '../../../../../client/common/sync/reconnectingSocket';
import type { UserId } from '../../../../../shared/ids';

export const STOPPED: ConnectionState = { status: 'stopped', retryAt: null, reason: null };
export const ONLINE: ConnectionState = { status: 'online', retryAt: null, reason: null };
export const OFFLINE: ConnectionState = { status: 'offline', retryAt: null, reason: null };
export const ADMIN_SESSION: Session = { token: 'admin-token', user: { id: 'admin-1' as UserId, role: 'admin' } };

let serial = 0;

/** The Device as the admin model sees it: documents and a snapshot the test changes, and a store of its own. */
export class FakeAdminHost {
  readonly db: DabbaDb = openDabbaDb(`admin-host-test-${++serial}`);
  readonly docs = new Map<string, Y.Doc>();
  readonly syncStates = new Map<string, DocSyncState>();
  readonly held: string[] = [];
  private snapshot: DeviceSnapshot = { session: null, connection: STOPPED, signedOutReason: null, storageError: null };
  private readonly listeners = new Set<() => void>();
  private readonly docListeners = new Set<(docName: string) => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): DeviceSnapshot => this.snapshot;

  readonly onDocChange = (listener: (docName: string) => void): (() => void) => {
    this.docListeners.add(listener);
    return () => this.docListeners.delete(listener);
  };

  heldDoc(docName: string): Y.Doc | undefined {
    return this.docs.get(docName);
  }

  docSyncState(docName: string): DocSyncState {
    return this.syncStates.get(docName) ?? 'synced';
  }

  holdDoc(docName: string): Promise<void> {
    this.held.push(docName);
    return Promise.resolve();
  }

  set(change: Partial<DeviceSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }

  /** A document arrives or changes, as the provider reports it once it is stored. */
  put(docName: string, doc: Y.Doc, syncState: DocSyncState = 'synced'): void {
    this.docs.set(docName, doc);
    this.syncStates.set(docName, syncState);
    for (const listener of this.docListeners) listener(docName);
  }
}

/** Waits until `check` holds, polling; fails naming `what` after `timeoutMs`. */
export async function eventually(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
