import type * as Y from 'yjs';
import type { PushApp } from '../../../shared/api/devices';
import { orderDocName, parseDocName } from '../../../shared/docNames';
import type { OrderId } from '../../../shared/ids';
import type { Actor } from '../../../shared/roles';
import { requestLogin } from '../api/auth';
import { putUnsyncedReport } from '../api/unsyncedReports';
import { refuse, done, type CommandOutcome } from '../commands/commandOutcome';
import type { OrderCommandContext } from '../commands/orderCommands';
import { sessionActor, type Session, type SessionUser } from '../session/session';
import { SIGN_IN_ENDED_NOTICES, signInEndedByConnection } from '../session/signInEnded';
import { openDabbaDb, type DabbaDb, type DocSyncState, type OrderRow } from '../store/db';
import { deviceIdOf } from '../store/deviceIdentity';
import { ensureOrderRowsCurrent } from '../store/rebuildOrderRows';
import { dismissRefusal } from '../store/refusals';
import { clearSession, loadSession, saveSession } from '../store/sessionStore';
import { oldestUnsyncedAt } from '../store/updateLog';
import { followInbox } from '../sync/inboxFollower';
import { heldDocsOf } from './heldDocsOf';
import type { ConnectionState } from '../sync/reconnectingSocket';
import { SyncProvider } from '../sync/syncProvider';
import { UnsyncedReporter } from '../sync/unsyncedReporter';
import { inboxesOf } from './inboxesOf';
import { keepStorage } from './keepStorage';
import { projectOrders } from './orderProjection';
import { syncUrl, type SyncIdentity } from './syncUrl';

export interface DeviceSnapshot {
  readonly session: Session | null;
  readonly connection: ConnectionState;
  /** Why the user was sent back to sign in, when it was not their choice. */
  readonly signedOutReason: string | null;
  readonly storageError: string | null;
}

const IDLE: ConnectionState = { status: 'stopped', retryAt: null, reason: null };

/** Whether an account may use this app: null lets it in; otherwise what to tell the person (which app is theirs). */
export type SignInGate = (user: SessionUser) => string | null;

/**
 * The device: its store, who is signed in, and the sync that runs while someone is. The one
 * object screens reach through hooks; it owns every subscription it starts. What one app alone
 * runs beside it (the driver's outboxes, the outlet's phone orders) is a plug-in in that app's
 * model that follows this snapshot.
 */
export class Device {
  readonly db: DabbaDb;
  private provider: SyncProvider | null = null;
  private actor: Actor | null = null;
  private readonly docListeners = new Set<(docName: string) => void>();
  private readonly rowListeners = new Set<(rows: readonly OrderRow[], seq: number) => void>();
  private rowWrites = 0;
  private stops: (() => void)[] = [];
  private snapshot: DeviceSnapshot;
  private readonly listeners = new Set<() => void>();

  private constructor(
    db: DabbaDb,
    private readonly identity: SyncIdentity,
    session: Session | null,
  ) {
    this.db = db;
    this.snapshot = { session, connection: IDLE, signedOutReason: null, storageError: null };
  }

  /** Opens the device's store for `app` and, if someone is signed in there, starts syncing for them. */
  static async open(app: PushApp, dbName?: string): Promise<Device> {
    const db = openDabbaDb(dbName);
    await ensureOrderRowsCurrent(db);
    void keepStorage();
    const identity: SyncIdentity = { deviceId: await deviceIdOf(db), app };
    const device = new Device(db, identity, await loadSession(db));
    if (device.snapshot.session) device.startSync(device.snapshot.session);
    return device;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): DeviceSnapshot => this.snapshot;

  /** Signs in and starts syncing; an account `gate` turns away is neither kept nor synced. */
  async signIn(email: string, password: string, gate: SignInGate = () => null): Promise<CommandOutcome> {
    const result = await requestLogin(email, password);
    if (!result.ok) return result;
    if (!sessionActor(result.value.user)) return refuse('This account is not linked to an outlet.');
    const turnedAway = gate(result.value.user);
    if (turnedAway !== null) return refuse(turnedAway, 'wrong_app');
    await saveSession(this.db, result.value);
    this.update({ session: result.value, signedOutReason: null });
    this.startSync(result.value);
    return done;
  }

  async signOut(reason: string | null = null): Promise<void> {
    this.stopSync();
    await clearSession(this.db);
    this.update({ session: null, connection: IDLE, signedOutReason: reason });
  }

  /** What order commands run against; null while nobody is signed in. */
  orderCommands(): OrderCommandContext | null {
    if (!this.provider || !this.actor) return null;
    const device = { id: this.identity.deviceId, app: this.identity.app, offline: this.snapshot.connection.status !== 'online' };
    return { actor: this.actor, docs: this.provider.docs, device };
  }

  /** A document the device holds, for reading; undefined while it loads or nobody is signed in. */
  heldDoc(docName: string): Y.Doc | undefined {
    return this.provider?.docs.get(docName);
  }

  docSyncState(docName: string): DocSyncState {
    return this.provider?.docs.syncState(docName) ?? 'synced';
  }

  /**
   * Makes sure an order's document is loaded, ahead of any still loading: after a restart the
   * device loads every order it holds, and a tap on one should not wait for the rest.
   */
  async holdOrder(orderId: OrderId): Promise<void> {
    await this.holdDoc(orderDocName(orderId), true);
  }

  /**
   * Holds a document beyond those the user's inboxes list (an admin's outlet documents), kept on
   * the device and synced like them, until sign-out. `urgent` loads it ahead of the rest.
   */
  async holdDoc(docName: string, urgent = false): Promise<void> {
    const provider = this.provider;
    if (provider && !provider.docs.get(docName)) await provider.open(docName, urgent);
  }

  /**
   * Hears of order rows as soon as they are stored, each batch numbered; `orderRowWrites` is the
   * number of the last. Screens apply them at once instead of waiting to read them back.
   */
  readonly onOrderRows = (listener: (rows: readonly OrderRow[], seq: number) => void): (() => void) => {
    this.rowListeners.add(listener);
    return () => this.rowListeners.delete(listener);
  };

  get orderRowWrites(): number {
    return this.rowWrites;
  }

  /** Hears of every held document that changed (content or sync state), across sign-ins. */
  readonly onDocChange = (listener: (docName: string) => void): (() => void) => {
    this.docListeners.add(listener);
    return () => this.docListeners.delete(listener);
  };

  /**
   * The service worker stored these documents after a push while this window was open: held ones
   * are read again (an inbox that now lists a new order opens it), and screens hear of the order
   * rows it wrote, which the projection here would find unchanged and not announce.
   */
  async storedElsewhere(docNames: readonly string[]): Promise<void> {
    await this.provider?.reloadFromStore(docNames);
    const orderIds = docNames.flatMap((name) => {
      const ref = parseDocName(name);
      return ref?.kind === 'order' ? [ref.orderId] : [];
    });
    if (orderIds.length === 0) return;
    const rows = (await this.db.orders.bulkGet(orderIds)).filter((row) => row !== undefined);
    if (rows.length === 0) return;
    this.rowWrites += 1;
    for (const listener of this.rowListeners) listener(rows, this.rowWrites);
  }

  async dismissRefusal(id: number): Promise<void> {
    await dismissRefusal(this.db, id);
  }

  private startSync(session: Session): void {
    const actor = sessionActor(session.user);
    if (!actor) return;
    this.stopSync();
    // Only an outlet device's unsynced changes are asked about (the admin app's Platform health).
    const reporter =
      actor.role === 'outlet'
        ? new UnsyncedReporter({
            oldestUnsyncedAt: () => oldestUnsyncedAt(this.db),
            send: (oldestAgeMs) => putUnsyncedReport(session.token, this.identity.deviceId, oldestAgeMs),
          })
        : null;
    const provider = new SyncProvider({
      db: this.db,
      actor,
      url: () => syncUrl(location, session.token, this.identity, reporter?.connectAge()),
    });
    this.provider = provider;
    this.actor = actor;
    const retry = (): void => provider.retryNow();
    const lost = (): void => provider.networkLost();
    const retryWhenVisible = (): void => {
      if (document.visibilityState === 'visible') provider.retryNow();
    };
    window.addEventListener('online', retry);
    window.addEventListener('offline', lost);
    document.addEventListener('visibilitychange', retryWhenVisible);
    this.stops = [
      projectOrders(provider, this.db, (rows) => {
        this.rowWrites += 1;
        for (const listener of this.rowListeners) listener(rows, this.rowWrites);
      }),
      ...inboxesOf(actor).map((inbox) => followInbox(provider, inbox)),
      provider.onDocChange((docName) => {
        for (const listener of this.docListeners) listener(docName);
      }),
      provider.onConnection((connection) => {
        this.update({ connection, storageError: provider.storageError });
        const ended = signInEndedByConnection(connection);
        if (ended) void this.signOut(SIGN_IN_ENDED_NOTICES[ended]);
      }),
      ...(reporter
        ? [
            provider.onDocChange(() => reporter.changed()),
            provider.onConnection((c) => reporter.connection(c.status === 'online')),
            () => reporter.stop(),
          ]
        : []),
      () => window.removeEventListener('online', retry),
      () => window.removeEventListener('offline', lost),
      () => document.removeEventListener('visibilitychange', retryWhenVisible),
    ];
    for (const name of heldDocsOf(actor)) void provider.open(name);
    void (async () => {
      // A store that cannot be read now leaves the first socket saying nothing; a later look says it.
      await reporter?.start().catch(() => undefined);
      if (this.provider === provider) await provider.start();
    })();
  }

  private stopSync(): void {
    for (const stop of this.stops) stop();
    this.stops = [];
    this.provider?.stop();
    this.provider = null;
    this.actor = null;
  }

  private update(change: Partial<DeviceSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }
}
