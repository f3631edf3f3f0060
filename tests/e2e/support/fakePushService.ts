import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { serveLoopback, type LoopbackHttp } from '../../integration/support/loopbackHttp';

/**
 * A loopback stand-in for the Google endpoints Chromium's own push stack (its GCM client) calls when
 * a page runs `pushManager.subscribe`: the device check-in and the registration that issues the
 * subscription's token. Chromium is pointed here with its `--gcm-checkin-url` and
 * `--gcm-registration-url` switches, so the subscription, its keys and the push endpoint are
 * Chromium's real ones and nothing leaves the machine. Pushes are delivered with CDP
 * (`ServiceWorker.deliverPushMessage`), so the MCS connection real pushes would arrive on is never
 * needed: it is pointed here too, where it fails at once instead of looking for mtalk.google.com.
 */

/** Fixed non-zero ids the check-in hands out; Chromium refuses a check-in without both. */
const ANDROID_ID = 4_242_424_242_424_242n;
const SECURITY_TOKEN = 1_717_171_717_171_717n;

function varint(value: bigint): number[] {
  const bytes: number[] = [];
  let rest = value;
  do {
    let byte = Number(rest & 0x7fn);
    rest >>= 7n;
    if (rest > 0n) byte |= 0x80;
    bytes.push(byte);
  } while (rest > 0n);
  return bytes;
}

const field = (number: number, wireType: 0 | 1): number[] => varint(BigInt((number << 3) | wireType));

function fixed64(value: bigint): number[] {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64LE(value);
  return [...bytes];
}

/**
 * `AndroidCheckinResponse` (google_apis/gcm/protocol/checkin.proto): stats_ok = 1, time_msec = 3,
 * android_id = 7, security_token = 8, settings_diff = 9. Hand-encoded: five fields do not need a
 * protobuf library.
 */
function checkinResponse(now: number): Buffer {
  return Buffer.from([
    ...field(1, 0),
    1,
    ...field(3, 0),
    ...varint(BigInt(now)),
    ...field(7, 1),
    ...fixed64(ANDROID_ID),
    ...field(8, 1),
    ...fixed64(SECURITY_TOKEN),
    ...field(9, 0),
    0,
  ]);
}

/** One registration Chromium asked for: `sender` is the VAPID key a web push subscription names. */
export interface GcmRegistration {
  readonly sender: string | null;
  readonly subtype: string | null;
  readonly token: string;
}

export class FakePushService {
  readonly registrations: GcmRegistration[] = [];
  checkins = 0;

  private constructor(private readonly http: LoopbackHttp) {}

  static async start(): Promise<FakePushService> {
    let fake: FakePushService | null = null;
    const http = await serveLoopback((req, body, res) => fake?.handle(req, body, res));
    fake = new FakePushService(http);
    return fake;
  }

  get url(): string {
    return this.http.url;
  }

  /** The switches that point a Chromium's push stack here; pass them when launching it. */
  get chromiumArgs(): string[] {
    return [`--gcm-checkin-url=${this.url}/checkin`, `--gcm-registration-url=${this.url}/register`, `--gcm-mcs-endpoint=${this.url}/mcs`];
  }

  close(): Promise<void> {
    return this.http.close();
  }

  private handle(req: IncomingMessage, body: Buffer, res: ServerResponse): void {
    if (req.method === 'POST' && req.url === '/checkin') {
      this.checkins += 1;
      res.writeHead(200, { 'content-type': 'application/x-protobuf' });
      res.end(checkinResponse(Date.now()));
      return;
    }
    if (req.method === 'POST' && req.url === '/register') {
      const form = new URLSearchParams(body.toString('utf8'));
      const token = `fake-gcm-${randomBytes(12).toString('hex')}`;
      this.registrations.push({ sender: form.get('sender'), subtype: form.get('X-subtype'), token });
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`token=${token}`);
      return;
    }
    res.writeHead(404);
    res.end();
  }
}
