import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import Stripe from 'stripe';
import { serveLoopback, type LoopbackHttp } from './loopbackHttp';

/**
 * A loopback stand-in for the parts of the Stripe API Dabba uses (Checkout Sessions create, retrieve and
 * expire; Refunds create), for integration and Playwright tests: start it, give the server
 * `DABBA_STRIPE_API_BASE=<fake.url>`, and the real Stripe SDK talks to it. Like Stripe, a repeated
 * `Idempotency-Key` gets the first answer again. It also plays Stripe's side of the webhooks: events are
 * signed with the real scheme (`stripe.webhooks.generateTestHeaderString`) and POSTed to the server, and a
 * session's `url` is a tiny "pay" page whose button pays (webhook first, as Stripe does) and then
 * redirects to the session's success URL. Plain node (no vitest), so Playwright specs can import it too.
 */

export interface FakeSession {
  readonly id: string;
  readonly object: 'checkout.session';
  readonly url: string;
  status: 'open' | 'complete' | 'expired';
  payment_status: 'unpaid' | 'paid';
  payment_intent: string | null;
  readonly amount_total: number;
  readonly currency: string;
  readonly client_reference_id: string | null;
  readonly metadata: Record<string, string>;
  readonly success_url: string;
  readonly expires_at: number;
}

export interface FakeRefund {
  readonly id: string;
  readonly object: 'refund';
  readonly amount: number;
  readonly payment_intent: string;
  readonly status: 'succeeded';
}

/** One API call as the fake received it. */
export interface StripeCall {
  readonly method: string;
  readonly path: string;
  readonly idempotencyKey: string | null;
}

export interface FakeStripe extends LoopbackHttp {
  readonly webhookSecret: string;
  readonly calls: readonly StripeCall[];
  readonly sessions: ReadonlyMap<string, FakeSession>;
  readonly refunds: readonly FakeRefund[];
  /** Where webhooks go: the server's `/api/payments/stripe/webhook`, set once the server is up. */
  webhookUrl: string | null;
  /** The signed event body and header for `type` about `session`, as Stripe would send them. */
  signedEvent(type: string, session: FakeSession, secret?: string): { readonly body: string; readonly signature: string };
  /** POSTs a signed event to `webhookUrl`; resolves with the server's HTTP status. */
  send(type: string, session: FakeSession, secret?: string): Promise<number>;
  /** The customer pays on the session's page: the session completes and `checkout.session.completed` is sent. */
  pay(sessionId: string): Promise<number>;
}

const id = (prefix: string): string => `${prefix}_${randomBytes(12).toString('hex')}`;
const signer = new Stripe('sk_test_fake_signer');

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

const notFoundError = (what: string) => ({ error: { type: 'invalid_request_error', message: `No such ${what}` } });

function payPage(session: FakeSession): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fake Stripe checkout</title></head>
<body><h1>Pay ${(session.amount_total / 100).toFixed(2)} ${session.currency.toUpperCase()}</h1>
<form method="post" action="/pay/${session.id}"><button type="submit">Pay</button></form></body></html>`;
}

export async function startFakeStripe(webhookSecret = `whsec_${randomBytes(16).toString('hex')}`): Promise<FakeStripe> {
  const calls: StripeCall[] = [];
  const sessions = new Map<string, FakeSession>();
  const refunds: FakeRefund[] = [];
  const replies = new Map<string, { status: number; body: unknown }>();
  let base = '';

  const createSession = (form: URLSearchParams): FakeSession => {
    const sessionId = id('cs_test');
    const session: FakeSession = {
      id: sessionId,
      object: 'checkout.session',
      url: `${base}/pay/${sessionId}`,
      status: 'open',
      payment_status: 'unpaid',
      payment_intent: null,
      amount_total: Number(form.get('line_items[0][price_data][unit_amount]')) * Number(form.get('line_items[0][quantity]') ?? '1'),
      currency: form.get('line_items[0][price_data][currency]') ?? 'inr',
      client_reference_id: form.get('client_reference_id'),
      metadata: Object.fromEntries([...form.entries()].flatMap(([k, v]) => (k.startsWith('metadata[') ? [[k.slice(9, -1), v]] : []))),
      success_url: form.get('success_url') ?? '',
      expires_at: Number(form.get('expires_at')),
    };
    sessions.set(sessionId, session);
    return session;
  };

  const api = (method: string, path: string, form: URLSearchParams): { status: number; body: unknown } => {
    if (method === 'POST' && path === '/v1/checkout/sessions') return { status: 200, body: createSession(form) };
    const sessionMatch = /^\/v1\/checkout\/sessions\/([^/]+)(\/expire)?$/.exec(path);
    if (sessionMatch) {
      const session = sessions.get(sessionMatch[1] ?? '');
      if (!session) return { status: 404, body: notFoundError('checkout.session') };
      if (method === 'POST' && sessionMatch[2]) {
        if (session.status !== 'open') return { status: 400, body: { error: { type: 'invalid_request_error', message: 'Not open' } } };
        session.status = 'expired';
      }
      return { status: 200, body: session };
    }
    if (method === 'POST' && path === '/v1/refunds') {
      const refund: FakeRefund = {
        id: id('re_test'),
        object: 'refund',
        amount: Number(form.get('amount')),
        payment_intent: form.get('payment_intent') ?? '',
        status: 'succeeded',
      };
      refunds.push(refund);
      return { status: 200, body: refund };
    }
    return { status: 404, body: notFoundError(`route ${method} ${path}`) };
  };

  const fake: FakeStripe = {
    url: '',
    close: async () => {},
    webhookSecret,
    calls,
    sessions,
    refunds,
    webhookUrl: null,
    signedEvent(type, session, secret = webhookSecret) {
      const event = { id: id('evt_test'), object: 'event', type, created: Math.floor(Date.now() / 1000), data: { object: session } };
      const body = JSON.stringify(event);
      return { body, signature: signer.webhooks.generateTestHeaderString({ payload: body, secret }) };
    },
    async send(type, session, secret) {
      if (!fake.webhookUrl) throw new Error('fakeStripe.webhookUrl is not set');
      const { body, signature } = fake.signedEvent(type, session, secret);
      const res = await fetch(fake.webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'stripe-signature': signature },
        body,
      });
      await res.arrayBuffer();
      return res.status;
    },
    async pay(sessionId) {
      const session = sessions.get(sessionId);
      if (!session) throw new Error(`no session ${sessionId}`);
      session.status = 'complete';
      session.payment_status = 'paid';
      session.payment_intent ??= id('pi_test');
      return fake.send('checkout.session.completed', session);
    },
  };

  const handle = (req: IncomingMessage, body: Buffer, res: ServerResponse): void => {
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', base).pathname;
    const payMatch = /^\/pay\/([^/]+)$/.exec(path);
    if (payMatch) {
      const session = sessions.get(payMatch[1] ?? '');
      if (!session) return json(res, 404, notFoundError('session'));
      if (method === 'GET') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(payPage(session));
        return;
      }
      void fake.pay(session.id).then(
        () => {
          res.writeHead(303, { location: session.success_url });
          res.end();
        },
        (err: unknown) => json(res, 502, { error: String(err) }),
      );
      return;
    }
    const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : null;
    calls.push({ method, path, idempotencyKey: key });
    const replayed = key ? replies.get(`${method} ${path} ${key}`) : undefined;
    const reply = replayed ?? api(method, path, new URLSearchParams(body.toString('utf8')));
    if (key && !replayed) replies.set(`${method} ${path} ${key}`, reply);
    json(res, reply.status, reply.body);
  };

  const http = await serveLoopback(handle);
  base = http.url;
  return Object.assign(fake, { url: http.url, close: http.close });
}
