import type { DeviceId, PushApp } from '../../../shared/api/devices';
import { devicePushApi, type DevicePushApi } from '../api/devices';
import { done, refuse, type CommandOutcome } from '../commands/commandOutcome';
import type { Device } from '../device/device';
import type { Session } from '../session/session';
import { deviceIdOf } from '../store/deviceIdentity';
import { clearPushToken, loadPushRegistration, savePushToken } from '../store/pushRegistration';
import type { PushAvailability, PushPlatform, PushUnavailableReason } from './pushPlatform';
import { BLOCKED_MESSAGE, NOT_ALLOWED_MESSAGE, permissionFromTap, pushTokenOf, registrationProblem } from './pushSteps';

/** What the "Turn on notifications" control shows. */
export type PushStatus =
  | { readonly kind: 'unavailable'; readonly reason: PushUnavailableReason }
  | { readonly kind: 'blocked' }
  /** `problem`: why the last attempt to turn them on failed, in words a person can act on. */
  | { readonly kind: 'off'; readonly problem: string | null }
  | { readonly kind: 'working' }
  | { readonly kind: 'on' };

/** What push needs of the Device: its store, and who is signed in. */
export type DevicePushHost = Pick<Device, 'db' | 'subscribe' | 'getSnapshot'>;

export interface DevicePushOptions {
  readonly app: PushApp;
  readonly push: PushAvailability;
  readonly api?: DevicePushApi;
  readonly deviceId?: () => Promise<DeviceId>;
  /** How long removing a token from the server may hold up a sign-out or a "turn off". */
  readonly serverWaitMs?: number;
}

const OFF: PushStatus = { kind: 'off', problem: null };
const ON: PushStatus = { kind: 'on' };
const WORKING: PushStatus = { kind: 'working' };
const BLOCKED: PushStatus = { kind: 'blocked' };

const SERVER_WAIT_MS = 3_000;

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Wake-ups for this device: the FCM token registered with the server while someone is signed in and
 * notifications are allowed. It re-checks the token at every start (Firebase rotates it: the new one
 * is registered, the old one removed), removes it when the user signs out or turns notifications
 * off, and asks for permission only when the person taps "Turn on notifications". Every step runs in
 * one queue, so a sign-out's clean-up never interleaves with a registration.
 */
export class DevicePush {
  private session: Session | null = null;
  private status: PushStatus;
  private readonly listeners = new Set<() => void>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly api: DevicePushApi;
  private readonly deviceId: () => Promise<DeviceId>;
  private readonly serverWaitMs: number;

  private constructor(
    private readonly device: DevicePushHost,
    private readonly options: DevicePushOptions,
  ) {
    this.api = options.api ?? devicePushApi;
    this.deviceId = options.deviceId ?? (() => deviceIdOf(device.db));
    this.serverWaitMs = options.serverWaitMs ?? SERVER_WAIT_MS;
    this.status = options.push.kind === 'unavailable' ? { kind: 'unavailable', reason: options.push.reason } : OFF;
  }

  static attach(device: DevicePushHost, options: DevicePushOptions): DevicePush {
    const push = new DevicePush(device, options);
    device.subscribe(() => push.follow());
    push.follow();
    const platform = push.platform();
    if (platform && !push.session) void push.enqueue(() => push.dropOrphan(platform));
    return push;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): PushStatus => this.status;

  /** Resolves once every queued step has run. */
  async settled(): Promise<void> {
    await this.queue;
  }

  /** From a tap: asks the browser for permission, then registers this device's token with the server. */
  async turnOn(): Promise<CommandOutcome> {
    const platform = this.platform();
    if (!platform) return refuse('Notifications are not available here.', 'unavailable');
    const session = this.session;
    if (!session) return refuse('Sign in first.');
    const permission = await permissionFromTap(platform);
    if (permission === 'denied') {
      this.set(BLOCKED);
      return refuse(BLOCKED_MESSAGE, 'blocked');
    }
    if (permission !== 'granted') {
      this.set(OFF);
      return refuse(NOT_ALLOWED_MESSAGE, 'not_allowed');
    }
    return this.enqueue(() => this.register(platform, session));
  }

  /** Stops wake-ups for this device until someone turns them on again (a sign-in does not). */
  async turnOff(): Promise<CommandOutcome> {
    const platform = this.platform();
    const session = this.session;
    if (!platform || !session) return done;
    return this.enqueue(async () => {
      this.set(WORKING);
      await this.forget(platform, session, false);
      this.set(platform.permission() === 'denied' ? BLOCKED : OFF);
      return done;
    });
  }

  /** Starts with a sign-in and cleans up after a sign-out, as the Device's session changes. */
  private follow(): void {
    const { session } = this.device.getSnapshot();
    if (session === this.session) return;
    const previous = this.session;
    this.session = session;
    const platform = this.platform();
    if (!platform) return;
    if (previous) void this.enqueue(() => this.forget(platform, previous, true));
    if (session) void this.enqueue(() => this.start(platform, session));
  }

  /** At sign-in or app start: registers (or re-checks) the token when notifications are allowed and wanted. */
  private async start(platform: PushPlatform, session: Session): Promise<CommandOutcome> {
    const permission = platform.permission();
    if (permission === 'denied') return this.settle(BLOCKED);
    const row = await loadPushRegistration(this.device.db);
    if (permission !== 'granted' || !row.wanted) return this.settle(OFF);
    const outcome = await this.register(platform, session);
    // Offline at start with a token the server already holds: the server still wakes this device.
    if (!outcome.ok && row.token !== null && row.userId === session.user.id) this.set(ON);
    return outcome;
  }

  private async register(platform: PushPlatform, session: Session): Promise<CommandOutcome> {
    this.set(WORKING);
    const row = await loadPushRegistration(this.device.db);
    const token = await pushTokenOf(platform);
    if (!token.ok) return this.failed(token.error.message);
    const { app } = this.options;
    if (row.token === token.value && row.userId === session.user.id && row.app === app) return this.settle(ON);
    const answer = await this.api.register(session.token, { pushToken: token.value, app, deviceId: await this.deviceId() });
    if (!answer.ok) return this.failed(registrationProblem(answer.error));
    // Firebase rotated the token: the server must stop sending to the old one.
    if (row.token !== null && row.token !== token.value && row.userId === session.user.id) {
      await this.withinLimit(this.api.unregister(session.token, row.token));
    }
    await savePushToken(this.device.db, token.value, session.user.id, app);
    return this.settle(ON);
  }

  /**
   * Tells the server to stop waking this device for `session`'s user, and deletes the token at FCM.
   * Best effort within a few seconds: offline, the browser is still unsubscribed, so nothing shows,
   * and FCM reports the token as unregistered to the server's next send, which then deletes it.
   */
  private async forget(platform: PushPlatform, session: Session, keepWanted: boolean): Promise<CommandOutcome> {
    const row = await loadPushRegistration(this.device.db);
    if (row.token !== null) {
      await this.withinLimit(this.api.unregister(session.token, row.token));
      try {
        await platform.removeToken();
      } catch (error) {
        console.warn('dabba: could not remove the push token', error);
      }
    }
    await clearPushToken(this.device.db, keepWanted ? row.wanted : false);
    if (this.session === null) this.set(OFF);
    return done;
  }

  /**
   * A token left from a sign-out that could not finish (the tab closed first): with nobody signed in
   * there is no sign-in to tell the server with, but deleting it at FCM stops the pushes here, and
   * FCM then reports it as unregistered to the server's next send.
   */
  private async dropOrphan(platform: PushPlatform): Promise<CommandOutcome> {
    const row = await loadPushRegistration(this.device.db);
    if (row.token === null || this.session !== null) return done;
    try {
      await platform.removeToken();
    } catch (error) {
      console.warn('dabba: could not remove a push token left from a sign-out', error);
    }
    await clearPushToken(this.device.db, row.wanted);
    return done;
  }

  private platform(): PushPlatform | null {
    return this.options.push.kind === 'ready' ? this.options.push.platform : null;
  }

  private async withinLimit(request: Promise<unknown>): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([request, new Promise((resolve) => (timer = setTimeout(resolve, this.serverWaitMs)))]);
    clearTimeout(timer);
  }

  private failed(problem: string): CommandOutcome {
    this.set({ kind: 'off', problem });
    return refuse(problem);
  }

  private settle(status: PushStatus): CommandOutcome {
    this.set(status);
    return done;
  }

  private enqueue(task: () => Promise<CommandOutcome>): Promise<CommandOutcome> {
    const run = this.queue.then(task).catch((error: unknown) => {
      console.error('dabba: notifications', error);
      return this.failed(`Notifications could not be set up on this device: ${messageOf(error)}`);
    });
    this.queue = run;
    return run;
  }

  private set(status: PushStatus): void {
    if (status === this.status) return;
    this.status = status;
    for (const listener of this.listeners) listener();
  }
}
