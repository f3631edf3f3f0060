import { createHash, randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OrderId } from '../../../shared/ids';
import { PICKUP_ORDER, placeOrder } from '../support/api';
import { sendChunked, type RawResponse } from '../support/chunked';
import { addDriver, NEAR_OUTLET, type TestDriver } from '../support/drivers';
import { errorOf, postJson, type JsonResponse } from '../support/http';
import { DELIVERY } from '../support/refusals';
import { useTestServer } from '../support/testServer';

const t = useTestServer();
let asha: TestDriver;
let orderId: OrderId;

const KiB = 1024;
const MiB = 1024 * KiB;

beforeAll(async () => {
  asha = await addDriver(t.url, t.admin, 'Asha', NEAR_OUTLET);
  ({ orderId } = await placeOrder(t.url, DELIVERY));
  expect((await postJson(`${t.url}/newdelivery`, { orderId }, { token: t.admin.token })).status).toBe(200);
  // The proof route reads the driver from the order index, which the dispatch hook updates after the reply.
  await t.server.hooksSettled();
});

/** A JSON object of about `bytes` bytes: valid JSON, so only its size can be the reason for a refusal. */
const padded = (bytes: number, fields: object = {}): object => ({ ...fields, padding: 'x'.repeat(bytes) });

function expectTooLarge(res: JsonResponse): void {
  expect(res.status).toBe(413);
  expect(errorOf(res)?.code).toBe('payload_too_large');
}

const jpeg = (bytes: number): Uint8Array<ArrayBuffer> =>
  new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(bytes - 4)]));
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const proofUrl = (bytes: Uint8Array): string => `${t.url}/api/orders/${orderId}/proofs/${sha256(bytes)}`;
const split = (bytes: Uint8Array, size: number): Uint8Array[] =>
  Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));

const parsed = (res: RawResponse): JsonResponse => ({ status: res.status, headers: new Headers(), body: JSON.parse(res.body) as unknown });

describe('request bodies are capped per route', () => {
  it('sign-in takes a few KiB; a larger body is a 413 before the password is checked', async () => {
    const login = `${t.url}/api/auth/login`;
    expectTooLarge(await postJson(login, padded(5 * KiB, { email: 'admin@dabba.local', password: 'dabba-demo' })));
    expect((await postJson(login, { email: 'admin@dabba.local', password: 'dabba-demo' })).status).toBe(200);
  });

  it('an order and a quote take a full cart, and no more than 64 KiB', async () => {
    const fullCart = {
      ...PICKUP_ORDER,
      items: Array.from({ length: 100 }, () => ({
        itemId: 'masala-dosa',
        qty: 1,
        modifiers: [
          { groupId: 'chutney', optionId: 'mint' },
          { groupId: 'extras', optionId: 'ghee' },
        ],
      })),
      notes: 'n'.repeat(500),
    };
    const quote = await postJson(`${t.url}/api/orders/quote`, fullCart);
    expect(quote.status).toBe(200);
    expectTooLarge(await postJson(`${t.url}/api/orders/quote`, padded(65 * KiB, PICKUP_ORDER)));
    expectTooLarge(await postJson(`${t.url}/api/orders`, padded(65 * KiB, PICKUP_ORDER), { idempotencyKey: 'too-large-order-1' }));
    expect((await postJson(`${t.url}/api/orders`, PICKUP_ORDER)).status).toBe(201);
  });

  it('the driver app sends its largest breadcrumb batch, and a shift change is a few KiB at most', async () => {
    const token = asha.session.token;
    const now = Date.now();
    const points = Array.from({ length: 500 }, (_, i) => ({
      lat: 12.97123456789 + i * 1e-6,
      lng: 77.60712345678,
      at: now - 500_000 + i * 1000,
      accuracy: 12.345678,
    }));
    const sent = await fetch(`${t.url}/api/driver/locations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ points }),
    });
    expect(sent.status).toBe(204);
    expectTooLarge(await postJson(`${t.url}/api/driver/locations`, padded(65 * KiB, { points }), { token }));
    expectTooLarge(await postJson(`${t.url}/api/driver/shift`, padded(5 * KiB, { onShift: true }), { token }));
    expectTooLarge(await postJson(`${t.url}/api/driver/offers/${orderId}/decline`, padded(5 * KiB), { token }));
  });

  it('the delivery-agent API takes a few KiB', async () => {
    const token = t.admin.token;
    expectTooLarge(await postJson(`${t.url}/delivery`, padded(5 * KiB, { name: 'Ravi', phone: '+91 98450 11111' }), { token }));
    expectTooLarge(await postJson(`${t.url}/newdelivery`, padded(5 * KiB, { orderId }), { token }));
  });

  it('a route without a limit of its own still stops at 64 KiB', async () => {
    const res = await postJson(`${t.url}/api/no-such-route`, padded(65 * KiB));
    expectTooLarge(res);
    expect((await postJson(`${t.url}/api/no-such-route`, {})).status).toBe(404);
  });

  it('a proof photo may be as large as the driver app sends (5 MiB), and not a byte more', async () => {
    const headers = { authorization: `Bearer ${asha.session.token}`, 'content-type': 'image/jpeg' };
    const largest = jpeg(5 * MiB);
    expect((await fetch(proofUrl(largest), { method: 'PUT', headers, body: largest })).status).toBe(201);
    const over = jpeg(5 * MiB + 1);
    // Refused from its Content-Length alone: the answer comes after the first 64 KiB, before the rest is sent.
    expectTooLarge(parsed(await sendChunked(proofUrl(over), 'PUT', headers, [over.subarray(0, 64 * KiB)], over.length)));
  });

  it('a chunked body with no Content-Length is cut off at the limit too, on small and large routes alike', async () => {
    const json = { 'content-type': 'application/json' };
    const login = JSON.stringify(padded(8 * KiB, { email: 'admin@dabba.local', password: 'dabba-demo' }));
    const chunks = split(new TextEncoder().encode(login), 1024);
    expectTooLarge(parsed(await sendChunked(`${t.url}/api/auth/login`, 'POST', json, chunks)));
    const small = new TextEncoder().encode(JSON.stringify({ email: 'admin@dabba.local', password: 'dabba-demo' }));
    expect((await sendChunked(`${t.url}/api/auth/login`, 'POST', json, split(small, 16))).status).toBe(200);

    const headers = { authorization: `Bearer ${asha.session.token}`, 'content-type': 'image/jpeg' };
    const photo = jpeg(MiB);
    expect((await sendChunked(proofUrl(photo), 'PUT', headers, split(photo, 64 * KiB))).status).toBe(201);
    const over = jpeg(6 * MiB);
    expectTooLarge(parsed(await sendChunked(proofUrl(over), 'PUT', headers, split(over, 64 * KiB))));
  });

  it('an unsigned proof upload is refused before its body is read', async () => {
    const over = jpeg(6 * MiB);
    const res = await sendChunked(proofUrl(over), 'PUT', { 'content-type': 'image/jpeg' }, split(over, 64 * KiB));
    expect(res.status).toBe(401);
  });
});
