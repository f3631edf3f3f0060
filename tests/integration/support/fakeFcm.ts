import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { serveLoopback, type LoopbackHttp } from './loopbackHttp';

/**
 * A loopback stand-in for the FCM HTTP v1 API (`POST /v1/projects/<project>/messages:send`), for
 * integration and Playwright tests: start it, give the server `DABBA_FCM_ENDPOINT=<fake.url>`, and
 * firebase-admin sends here. It records every request and answers 200 unless a test scripted
 * otherwise; error bodies are shaped as real FCM shapes them, so firebase-admin maps them to the same
 * `messaging/*` error codes. Plain node (no vitest), so Playwright specs can import it too.
 */

const FCM_ERROR = 'type.googleapis.com/google.firebase.fcm.v1.FcmError';

/** One scripted answer: an HTTP status with its JSON body and headers, optionally after a delay. */
export interface FcmReply {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly delayMs?: number;
}

const fcmError = (status: number, grpcStatus: string, errorCode: string, message: string, headers?: Record<string, string>): FcmReply => ({
  status,
  body: { error: { code: status, message, status: grpcStatus, details: [{ '@type': FCM_ERROR, errorCode }] } },
  ...(headers ? { headers } : {}),
});

const retryAfter = (seconds: number | undefined): Record<string, string> | undefined =>
  seconds === undefined ? undefined : { 'Retry-After': String(seconds) };

/** FCM's error answers, as the real service words them. */
export const fcmReplies = {
  /** The token was valid once and is no more: firebase-admin reports messaging/registration-token-not-registered. */
  unregistered: (): FcmReply => fcmError(404, 'NOT_FOUND', 'UNREGISTERED', 'Requested entity was not found.'),
  unavailable: (retryAfterSeconds?: number): FcmReply =>
    fcmError(503, 'UNAVAILABLE', 'UNAVAILABLE', 'The service is currently unavailable.', retryAfter(retryAfterSeconds)),
  quotaExceeded: (retryAfterSeconds?: number): FcmReply =>
    fcmError(
      429,
      'RESOURCE_EXHAUSTED',
      'QUOTA_EXCEEDED',
      'Quota exceeded for quota metric sends per minute.',
      retryAfter(retryAfterSeconds),
    ),
  internal: (): FcmReply => fcmError(500, 'INTERNAL', 'INTERNAL', 'Internal error encountered.'),
  invalidArgument: (): FcmReply =>
    fcmError(400, 'INVALID_ARGUMENT', 'INVALID_ARGUMENT', 'The registration token is not a valid FCM registration token'),
} as const;

const sendBodySchema = z.object({
  message: z
    .object({
      token: z.string(),
      data: z.record(z.string(), z.string()).optional(),
      webpush: z
        .object({
          headers: z.record(z.string(), z.string()).optional(),
          data: z.record(z.string(), z.string()).optional(),
          notification: z.record(z.string(), z.unknown()).optional(),
          fcmOptions: z.record(z.string(), z.unknown()).optional(),
        })
        .optional(),
    })
    .loose(),
  validate_only: z.boolean().optional(),
});

/** One request the fake received, with what it answered. */
export interface FcmRequest {
  readonly project: string;
  readonly token: string;
  readonly data: Readonly<Record<string, string>>;
  readonly webpush: z.infer<typeof sendBodySchema>['message']['webpush'] | null;
  /** The whole `message` object as sent. */
  readonly message: z.infer<typeof sendBodySchema>['message'];
  readonly authorization: string | null;
  readonly httpVersion: string;
  readonly receivedAt: number;
  readonly status: number;
}

const SEND_PATH = /^\/v1\/projects\/([^/]+)\/messages:send$/;

export class FakeFcm {
  /** Every request, in arrival order, whatever it was answered. */
  readonly requests: FcmRequest[] = [];
  private readonly scripts = new Map<string, FcmReply[]>();
  private readonly unregisteredTokens = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private sent = 0;

  private constructor(private readonly http: LoopbackHttp) {}

  static async start(): Promise<FakeFcm> {
    let fake: FakeFcm | null = null;
    const http = await serveLoopback((req, body, res) => fake?.handle(req, body, res));
    fake = new FakeFcm(http);
    return fake;
  }

  /** `http://127.0.0.1:<port>`: the value for DABBA_FCM_ENDPOINT. */
  get url(): string {
    return this.http.url;
  }

  /** The next requests for `token` get these answers, in order; after them, 200 again. */
  script(token: string, ...replies: FcmReply[]): void {
    this.scripts.set(token, [...(this.scripts.get(token) ?? []), ...replies]);
  }

  /** Every request for `token` from now on is answered 404 UNREGISTERED, as FCM does for a token that is gone. */
  unregister(token: string): void {
    this.unregisteredTokens.add(token);
  }

  /** Messages FCM accepted (answered 200) for `token`, or for anyone. */
  delivered(token?: string): FcmRequest[] {
    return this.requests.filter((r) => r.status === 200 && (token === undefined || r.token === token));
  }

  /** Resolves once `check` holds over the requests so far; rejects after `timeoutMs`. */
  async waitFor(check: (requests: readonly FcmRequest[]) => boolean, timeoutMs = 5_000): Promise<void> {
    if (check(this.requests)) return;
    await new Promise<void>((resolve, reject) => {
      const listener = (): void => {
        if (!check(this.requests)) return;
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolve();
      };
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(
          new Error(
            `fake FCM: not seen within ${timeoutMs} ms; requests so far: ${JSON.stringify(this.requests.map((r) => [r.token, r.status]))}`,
          ),
        );
      }, timeoutMs);
      this.listeners.add(listener);
    });
  }

  /** Forgets requests and scripts, between tests sharing one fake. */
  reset(): void {
    this.requests.length = 0;
    this.scripts.clear();
    this.unregisteredTokens.clear();
  }

  close(): Promise<void> {
    return this.http.close();
  }

  private handle(req: IncomingMessage, raw: Buffer, res: ServerResponse): void {
    const project = req.method === 'POST' ? SEND_PATH.exec(req.url ?? '')?.[1] : undefined;
    let body: z.infer<typeof sendBodySchema> | null = null;
    try {
      const parsed = sendBodySchema.safeParse(JSON.parse(raw.toString('utf8')));
      if (parsed.success) body = parsed.data;
    } catch {
      // answered 400 below
    }
    if (project === undefined || body === null) {
      this.reply(res, {
        status: project === undefined ? 404 : 400,
        body: { error: { code: 400, message: 'not an FCM send', status: 'INVALID_ARGUMENT' } },
      });
      return;
    }
    const { message } = body;
    const reply = this.replyFor(project, message.token);
    this.requests.push({
      project,
      token: message.token,
      data: message.data ?? {},
      webpush: message.webpush ?? null,
      message,
      authorization: req.headers.authorization ?? null,
      httpVersion: req.httpVersion,
      receivedAt: Date.now(),
      status: reply.status,
    });
    const answer = (): void => {
      this.reply(res, reply);
      for (const listener of [...this.listeners]) listener();
    };
    if (reply.delayMs) setTimeout(answer, reply.delayMs);
    else answer();
  }

  private replyFor(project: string, token: string): FcmReply {
    if (this.unregisteredTokens.has(token)) return fcmReplies.unregistered();
    const scripted = this.scripts.get(token)?.shift();
    if (scripted) return scripted;
    this.sent += 1;
    return { status: 200, body: { name: `projects/${project}/messages/${this.sent}` } };
  }

  private reply(res: ServerResponse, reply: FcmReply): void {
    res.writeHead(reply.status, { 'content-type': 'application/json; charset=UTF-8', ...reply.headers });
    res.end(JSON.stringify(reply.body));
  }
}

/**
 * What the browser's push event carries for a message the fake recorded, as FCM delivers a data
 * message to a web push subscription: for `ServiceWorker.deliverPushMessage` in Playwright.
 */
export function browserPushPayload(request: FcmRequest, senderId = '000000000000'): string {
  return JSON.stringify({ data: request.data, from: senderId, priority: 'high', fcmMessageId: `fake-${request.receivedAt}` });
}
