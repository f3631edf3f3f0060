import { createHmac, timingSafeEqual } from 'node:crypto';
import { webhookEventSchema, type WebhookEvent } from '../../../shared/api/webhooks';
import { serveLoopback, type LoopbackHttp } from './loopbackHttp';

/** One POST the receiver answered 2xx, with what the test checks about it. */
export interface Received {
  readonly eventId: string;
  readonly event: WebhookEvent;
  /** The signature checked here, independently of the server's code: HMAC-SHA256 of "<t>.<raw body>". */
  readonly signatureValid: boolean;
  /** The `Dabba-Signature` header and the raw body, to verify again with another secret. */
  readonly signature: string;
  readonly body: string;
}

export type ReceiverMode = 'up' | 'down' | 'failing';

/**
 * A webhook receiver on loopback, as a customer's system would run it. `down`: connections are cut without
 * an answer (a receiver that is away); `failing`: every POST is answered 500. Only what it answered 2xx to
 * counts as received; `attempts` counts every POST per event id.
 */
export class WebhookReceiver {
  readonly received: Received[] = [];
  readonly attempts = new Map<string, number>();
  mode: ReceiverMode = 'up';
  secret = '';

  private constructor(private readonly http: LoopbackHttp) {}

  /** `now`: the receiver's clock for the signature's age, the server's when a test moves that one. */
  static async start(now: () => number = Date.now): Promise<WebhookReceiver> {
    let receiver: WebhookReceiver | null = null;
    const http = await serveLoopback((req, body, res) => {
      if (!receiver) throw new Error('receiver not ready');
      const eventId = String(req.headers['dabba-event-id'] ?? '');
      receiver.attempts.set(eventId, (receiver.attempts.get(eventId) ?? 0) + 1);
      if (receiver.mode === 'down') {
        req.socket.destroy();
        return;
      }
      if (receiver.mode === 'failing') {
        res.writeHead(500).end('not today');
        return;
      }
      const raw = body.toString('utf8');
      const signature = String(req.headers['dabba-signature'] ?? '');
      receiver.received.push({
        eventId,
        event: webhookEventSchema.parse(JSON.parse(raw)),
        signatureValid: verifySignature(receiver.secret, signature, raw, now()),
        signature,
        body: raw,
      });
      res.writeHead(204).end();
    });
    receiver = new WebhookReceiver(http);
    return receiver;
  }

  get url(): string {
    return `${this.http.url}/hooks/dabba`;
  }

  /** Received events of one order, in the order they arrived. */
  ofOrder(orderId: string): WebhookEvent[] {
    return this.received.filter((r) => r.event.orderId === orderId).map((r) => r.event);
  }

  close(): Promise<void> {
    return this.http.close();
  }
}

/**
 * What a receiver's own code does with `Dabba-Signature` (README, API): `t` recent, and any one `v1` (there are
 * two during a rotation's grace window) the HMAC of "<t>.<body>" with its secret.
 */
export function verifySignature(secret: string, header: string, body: string, nowMs: number = Date.now()): boolean {
  const parts = header.split(',').map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)] as const);
  const t = parts.find(([k]) => k === 't')?.[1];
  if (!t || !/^\d+$/.test(t) || Math.abs(nowMs / 1000 - Number(t)) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  return parts
    .filter(([k]) => k === 'v1')
    .map(([, v]) => Buffer.from(v, 'hex'))
    .some((given) => given.length === expected.length && timingSafeEqual(given, expected));
}
