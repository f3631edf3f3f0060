import { z } from 'zod';
import { pushTokenSchema } from '../../../shared/api/devices';
import type { TrackingToken } from '../../../shared/ids';
import { NETWORK_ERROR_CODE } from '../../common/api/http';
import { done, refuse, type CommandOutcome } from '../../common/commands/commandOutcome';
import type { PushAvailability, PushPlatform } from '../../common/push/pushPlatform';
import { BLOCKED_MESSAGE, NOT_ALLOWED_MESSAGE, permissionFromTap, pushTokenOf, registrationProblem } from '../../common/push/pushSteps';
import { readJson, writeJson, type KeyValueStorage } from '../../common/store/keyValueStorage';
import { trackPushApi, type TrackPushApi } from './trackPushApi';

/** What the "Notify me" control shows; `hidden` when this build or browser has no push. */
export type NotifyStatus =
  | { readonly kind: 'hidden' }
  | { readonly kind: 'off'; readonly problem: string | null }
  | { readonly kind: 'working' }
  /** `problem`: why the last attempt to stop them failed. */
  | { readonly kind: 'on'; readonly problem: string | null }
  | { readonly kind: 'blocked' };

const storedSchema = z.object({ pushToken: pushTokenSchema });
const keyOf = (trackingToken: string): string => `dabba.track.push.${trackingToken}`;
const OFF: NotifyStatus = { kind: 'off', problem: null };
const ON: NotifyStatus = { kind: 'on', problem: null };

/**
 * "Notify me" for one tracking link: this browser's FCM token registered for that order alone,
 * remembered in this browser so the page shows it on next visit and notices a rotated token. Turning
 * it off only unregisters it from this order: the browser's token may serve other orders' links.
 */
export class TrackNotifier {
  private status: NotifyStatus;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly trackingToken: TrackingToken,
    private readonly push: PushAvailability,
    private readonly storage: KeyValueStorage,
    private readonly api: TrackPushApi = trackPushApi,
  ) {
    this.status = this.resting();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): NotifyStatus => this.status;

  /** On a visit where notifications are on: re-registers when Firebase rotated the token since. */
  async recheck(): Promise<void> {
    const platform = this.platform();
    const stored = this.stored();
    if (!platform || !stored || platform.permission() !== 'granted') return;
    await this.register(platform, stored).catch((error: unknown) => console.warn('dabba: could not re-check the push token', error));
    // Offline or not, the server still holds the stored token for this order.
    if (this.status.kind === 'off') this.set(ON);
  }

  /** From a tap: asks for permission, then registers this browser for this order's updates. */
  async turnOn(): Promise<CommandOutcome> {
    const platform = this.platform();
    if (!platform) return refuse('Notifications are not available in this browser.', 'unavailable');
    const permission = await permissionFromTap(platform);
    if (permission === 'denied') {
      this.set({ kind: 'blocked' });
      return refuse(BLOCKED_MESSAGE, 'blocked');
    }
    if (permission !== 'granted') {
      this.set(OFF);
      return refuse(NOT_ALLOWED_MESSAGE, 'not_allowed');
    }
    return this.register(platform, this.stored());
  }

  async turnOff(): Promise<CommandOutcome> {
    const stored = this.stored();
    if (!stored) return done;
    this.set({ kind: 'working' });
    const answer = await this.api.unregister(this.trackingToken, stored);
    if (!answer.ok && answer.error.code === NETWORK_ERROR_CODE) return this.failed('Stopping notifications needs the network.', true);
    this.storage.removeItem(keyOf(this.trackingToken));
    this.set(OFF);
    return done;
  }

  private async register(platform: PushPlatform, previous: string | null): Promise<CommandOutcome> {
    this.set({ kind: 'working' });
    const pushToken = await pushTokenOf(platform);
    if (!pushToken.ok) return this.failed(pushToken.error.message);
    if (pushToken.value === previous) return this.settle(ON);
    const answer = await this.api.register(this.trackingToken, pushToken.value);
    if (!answer.ok) return this.failed(registrationProblem(answer.error));
    if (previous !== null) await this.api.unregister(this.trackingToken, previous);
    writeJson(this.storage, keyOf(this.trackingToken), { pushToken: pushToken.value });
    return this.settle(ON);
  }

  private stored(): string | null {
    const parsed = storedSchema.safeParse(readJson(this.storage, keyOf(this.trackingToken)));
    return parsed.success ? parsed.data.pushToken : null;
  }

  private platform(): PushPlatform | null {
    return this.push.kind === 'ready' ? this.push.platform : null;
  }

  private resting(): NotifyStatus {
    const platform = this.platform();
    if (!platform) return { kind: 'hidden' };
    if (platform.permission() === 'denied') return { kind: 'blocked' };
    return this.stored() !== null && platform.permission() === 'granted' ? ON : OFF;
  }

  private failed(problem: string, stillOn = false): CommandOutcome {
    this.set({ kind: stillOn ? 'on' : 'off', problem });
    return refuse(problem);
  }

  private settle(status: NotifyStatus): CommandOutcome {
    this.set(status);
    return done;
  }

  private set(status: NotifyStatus): void {
    this.status = status;
    for (const listener of this.listeners) listener();
  }
}
