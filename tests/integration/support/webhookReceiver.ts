import { createHmac, timingSafeEqual } from 'node:crypto';
import { webhookEventSchema, type WebhookEvent } from '../../../shared/api/webhooks';
import { serveLoopback, type LoopbackHttp } from './loopbackHttp';

/** One POST the receiver answered 2xx, with what the test checks about it. */
export interface Received {
  readonly eventId: string;
  readonly event: WebhookEvent;
  /** The signature checked here, independently of the server's code: HMAC-SHA256 of "<t>.<raw body>". */
  readonly signatureValid: boolean;
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

  static async start(): Promise<WebhookReceiver> {
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
      receiver.received.push({
        eventId,
        event: webhookEventSchema.parse(JSON.parse(raw)),
        signatureValid: verify(receiver.secret, String(req.headers['dabba-signature'] ?? ''), raw),
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

/** What a receiver's own code does with `Dabba-Signature` (README, API). */
function verify(secret: string, header: string, body: string): boolean {
  const parts = new Map(header.split(',').map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)] as const));
  const t = parts.get('t');
  const v1 = parts.get('v1');
  if (!t || !v1 || !/^\d+$/.test(t) || Math.abs(Date.now() / 1000 - Number(t)) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  const given = Buffer.from(v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
