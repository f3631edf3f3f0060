import type { LatLng } from '../../../shared/catalog/zones';
import type { OrderId, UserId } from '../../../shared/ids';
import { NETWORK_ERROR_CODE, type ApiResult } from '../../common/api/http';
import { done, refuse, type CommandOutcome } from '../../common/commands/commandOutcome';
import type { Device } from '../../common/device/device';
import type { Session } from '../../common/session/session';
import { bufferLocation } from '../../common/store/locations';
import { adoptServerShift, loadShift, saveShiftWish } from '../../common/store/driverShift';
import { RetryLoop } from '../../common/sync/retryLoop';
import { deliverOrder, type DeliveryInput } from './delivery/deliverOrder';
import { driverApi, driverMeSchema, type DriverApi } from './driverApi';
import { LocationTracker, type LocationStatus } from './location/locationTracker';
import { uploadTrail } from './location/trailUpload';
import { uploadProofs } from './proofs/proofUpload';
import { uploadShift } from './shift/shiftUpload';

export interface ShiftView {
  /** What the driver asked for last (on this device, or the server's word when this device asked nothing). */
  readonly onShift: boolean;
  /** The server has not heard it yet. */
  readonly pending: boolean;
  readonly refusal: string | null;
}

export interface DriverSnapshot {
  readonly driverId: UserId | null;
  /** From the server; null until it answered once this visit. */
  readonly name: string | null;
  readonly shift: ShiftView;
  readonly location: LocationStatus;
  /** Where this phone last measured itself while sharing; null before its first fix (or after sharing stopped). */
  readonly position: LatLng | null;
  /** Server clock minus device clock, from the last answer with a Date header; null before one. */
  readonly clockOffsetMs: number | null;
}

/** How long signing out waits to tell the server the driver is off shift. */
const SIGN_OUT_WAIT_MS = 3_000;
const OFF: ShiftView = { onShift: false, pending: false, refusal: null };
const IDLE: DriverSnapshot = { driverId: null, name: null, shift: OFF, location: { state: 'off' }, position: null, clockOffsetMs: null };

interface Running {
  readonly session: Session;
  readonly api: DriverApi;
  readonly loops: readonly RetryLoop[];
  readonly shiftLoop: RetryLoop;
  readonly trailLoop: RetryLoop;
  readonly proofLoop: RetryLoop;
  readonly tracker: LocationTracker;
  readonly stops: readonly (() => void)[];
}

/**
 * The driver's side of the device, beside the order documents the Device syncs: the shift wish, the
 * breadcrumb trail and proof photos, each an outbox in IndexedDB sent when there is network, and the
 * position watch that feeds the trail. It follows whoever is signed in on the Device.
 */
export class DriverDevice {
  private running: Running | null = null;
  private snapshot: DriverSnapshot = IDLE;
  private readonly listeners = new Set<() => void>();
  private carrying = false;
  /** The Device's connection at the last look, to notice it coming back. */
  private lastConnection: string | null = null;

  private constructor(readonly device: Device) {}

  static attach(device: Device): DriverDevice {
    const driver = new DriverDevice(device);
    device.subscribe(() => driver.follow());
    driver.follow();
    return driver;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): DriverSnapshot => this.snapshot;

  /** On or off shift: saved on the device at once, told to the server when it can be. */
  async setShift(onShift: boolean): Promise<CommandOutcome> {
    const run = this.running;
    if (!run) return refuse('Sign in as a driver first.');
    const row = await saveShiftWish(this.device.db, run.session.user.id, onShift, Date.now());
    this.update({ shift: { onShift: row.onShift, pending: true, refusal: null } });
    this.trackWhenNeeded();
    void run.shiftLoop.kick();
    return done;
  }

  /**
   * Signs out, going off shift first when the server can be told: a signed-out phone shares no
   * position, and offers made to it would only time out. Offline, the server finds out when the
   * driver's position goes stale and offers lapse.
   */
  async signOut(): Promise<void> {
    const run = this.running;
    if (run && this.snapshot.shift.onShift) {
      // Best effort, and not for long: a weak signal must not keep the driver from signing out.
      await Promise.race([run.api.shift(false), new Promise((resolve) => setTimeout(resolve, SIGN_OUT_WAIT_MS))]);
    }
    await this.device.signOut();
  }

  /** Keeps sharing the position while the driver carries an order, also off shift. */
  setCarrying(carrying: boolean): void {
    this.carrying = carrying;
    this.trackWhenNeeded();
  }

  accept(orderId: OrderId): Promise<CommandOutcome> {
    return this.answerOffer((api) => api.accept(orderId), 'Accepting');
  }

  decline(orderId: OrderId): Promise<CommandOutcome> {
    return this.answerOffer((api) => api.decline(orderId), 'Declining');
  }

  async deliver(orderId: OrderId, input: DeliveryInput): Promise<CommandOutcome> {
    const run = this.running;
    const ctx = this.device.orderCommands();
    if (!run || !ctx) return refuse('Sign in to change orders.');
    await this.device.holdOrder(orderId);
    return deliverOrder(
      { ctx, db: this.device.db, driverId: run.session.user.id, uploadProofs: () => void run.proofLoop.kick() },
      orderId,
      input,
    );
  }

  /** Offers are answered over HTTP, online only: the server decides who gets an order, at once. */
  private async answerOffer(send: (api: DriverApi) => Promise<ApiResult>, doing: string): Promise<CommandOutcome> {
    const run = this.running;
    if (!run) return refuse('Sign in as a driver first.');
    const answer = await send(run.api);
    if (answer.ok) return done;
    if (answer.error.code === NETWORK_ERROR_CODE) return refuse(`${doing} needs the network: you are offline.`, NETWORK_ERROR_CODE);
    return refuse(answer.error.message, answer.error.code);
  }

  /** Starts or stops with the Device's session: a driver signed in, someone else, or nobody. */
  private follow(): void {
    const { session, connection } = this.device.getSnapshot();
    const driver = session?.user.role === 'driver' ? session : null;
    if (this.running && this.running.session !== driver) this.stop();
    if (driver && !this.running) this.start(driver);
    const run = this.running;
    if (run && connection.status === 'online' && this.lastConnection !== 'online') this.networkBack(run);
    this.lastConnection = connection.status;
  }

  private start(session: Session): void {
    const db = this.device.db;
    const driverId = session.user.id;
    const api = driverApi(session.token);
    const shiftLoop = new RetryLoop({
      name: 'shift outbox',
      pass: () => uploadShift({ db, driverId, api, onSettled: () => void this.refreshShift(driverId) }),
    });
    const trailLoop = new RetryLoop({ name: 'location trail', pass: () => uploadTrail({ db, driverId, api }) });
    const proofLoop = new RetryLoop({ name: 'proof uploads', pass: () => uploadProofs({ db, driverId, api }) });
    const tracker = new LocationTracker({
      geolocation: typeof navigator !== 'undefined' && 'geolocation' in navigator ? navigator.geolocation : null,
      // A position from before sharing stopped may be far from here by the time it starts again.
      onStatus: (location) => this.update(location.state === 'off' ? { location, position: null } : { location }),
      onFix: (fix) => {
        this.update({ position: { lat: fix.lat, lng: fix.lng } });
        void bufferLocation(db, { driverId, ...fix }).then(() => trailLoop.kick());
      },
    });
    const online = (): void => {
      const run = this.running;
      if (run) this.networkBack(run);
    };
    window.addEventListener('online', online);
    const loops = [shiftLoop, trailLoop, proofLoop];
    this.running = {
      session,
      api,
      loops,
      shiftLoop,
      trailLoop,
      proofLoop,
      tracker,
      stops: [() => window.removeEventListener('online', online)],
    };
    this.update({ ...IDLE, driverId });
    for (const loop of loops) void loop.kick();
    void this.refreshShift(driverId).then(() => this.fetchMe());
  }

  private stop(): void {
    const run = this.running;
    if (!run) return;
    this.running = null;
    for (const stop of run.stops) stop();
    for (const loop of run.loops) loop.stop();
    run.tracker.stop();
    this.update(IDLE);
  }

  /** The network is back (the socket reconnected, or the browser says so): send everything now. */
  private networkBack(run: Running): void {
    for (const loop of run.loops) void loop.kick();
    void this.fetchMe();
  }

  /** Reads the stored shift wish into the snapshot and starts or stops the position watch. */
  private async refreshShift(driverId: UserId): Promise<void> {
    const row = await loadShift(this.device.db, driverId);
    if (this.running?.session.user.id !== driverId) return;
    this.update({ shift: row ? { onShift: row.onShift, pending: row.unsynced === 1, refusal: row.refusal } : OFF });
    this.trackWhenNeeded();
  }

  /** Who the server says the driver is, whether it has them on shift, and its clock. */
  private async fetchMe(): Promise<void> {
    const run = this.running;
    if (!run) return;
    const { result, serverTime } = await run.api.me();
    if (this.running !== run) return;
    if (serverTime !== null) this.update({ clockOffsetMs: serverTime - Date.now() });
    const me = result.ok ? driverMeSchema.safeParse(result.value) : null;
    if (!me?.success) return;
    this.update({ name: me.data.name });
    await adoptServerShift(this.device.db, run.session.user.id, me.data.onShift, Date.now());
    await this.refreshShift(run.session.user.id);
  }

  private trackWhenNeeded(): void {
    const run = this.running;
    if (!run) return;
    const wanted = this.snapshot.shift.onShift || this.carrying;
    if (wanted && !run.tracker.running) run.tracker.start();
    if (!wanted && run.tracker.running) run.tracker.stop();
  }

  private update(change: Partial<DriverSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }
}
