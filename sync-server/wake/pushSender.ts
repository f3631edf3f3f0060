import type { DetailedResult, Failure } from '../../shared/result';
import type { WakeData } from '../../shared/wake/wakeMessage';

/** One wake-up for one device. */
export interface PushMessage {
  readonly token: string;
  readonly data: WakeData;
  /** How long the push service keeps trying to reach a device that is off; after that the message means nothing. */
  readonly ttlSeconds: number;
}

/**
 * Why a message was not sent. `unregistered`: the token is gone for good (delete it). `retryable`: the
 * service is busy, failing or out of reach (429, 5xx, network); try again, not before `retryAfterMs`
 * when it said so. `rejected`: the request itself is refused (bad message, bad credentials); trying
 * again will not help.
 */
export type SendRefusal = 'unregistered' | 'retryable' | 'rejected';

export interface SendFailure extends Failure<SendRefusal> {
  /** What the service asked for (Retry-After), in ms; null when it did not say. */
  readonly retryAfterMs: number | null;
}

export type SendOutcome = DetailedResult<undefined, SendFailure>;

export const sendFailure = (code: SendRefusal, message: string, retryAfterMs: number | null = null): SendOutcome => ({
  ok: false,
  error: { code, message, retryAfterMs },
});

/** Sends one push to one device (FCM in production, a recorder in tests). `send` never rejects. */
export interface PushSender {
  send(message: PushMessage): Promise<SendOutcome>;
  close(): Promise<void>;
}
