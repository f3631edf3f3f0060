import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { PushTokens } from '../storage/pushTokens';
import type { FcmSettings } from './fcmConfig';
import type { WakeSendOutcome } from '../metrics/serverMetrics';
import { countedSender } from './countedSender';
import { fcmSender } from './fcmSender';
import type { LivePresence } from './recipients';
import { noWaker, type Waker } from './waker';
import { WakeService } from './wakeService';

export interface StartedWaker {
  readonly waker: Waker;
  /** Drops wake-ups not sent yet and lets go of the FCM client. */
  close(): Promise<void>;
}

export interface WakerDeps {
  readonly tokens: PushTokens;
  readonly presence: LivePresence;
  readonly clock: Clock;
  readonly log: Logger;
  /** Told how each send to FCM ended (metrics). */
  readonly sent?: (outcome: WakeSendOutcome) => void;
}

/** The server's Waker: FCM when configured; otherwise none, said once in the log, and everything else works as before. */
export async function startWaker(fcm: FcmSettings | null, coalesceMs: number, deps: WakerDeps): Promise<StartedWaker> {
  if (!fcm) {
    deps.log.info('wake-ups are off: set FIREBASE_SERVICE_ACCOUNT or GOOGLE_APPLICATION_CREDENTIALS (or DABBA_FCM_ENDPOINT) to send them');
    return { waker: noWaker, close: () => Promise.resolve() };
  }
  const fcmPush = await fcmSender(fcm);
  const sender = deps.sent ? countedSender(fcmPush, deps.sent) : fcmPush;
  const service = new WakeService({ ...deps, sender, coalesceMs });
  deps.log.info('wake-ups on', {
    project: fcm.projectId,
    via: fcm.credentials.kind === 'endpoint' ? fcm.credentials.endpoint.origin : 'fcm.googleapis.com',
  });
  return { waker: service, close: () => service.close() };
}
