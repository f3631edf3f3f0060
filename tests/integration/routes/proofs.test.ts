import { createHash, randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OrderId } from '../../../shared/ids';
import { placeOrder } from '../support/api';
import { addDriver, appendAs, NEAR_OUTLET, type TestDriver } from '../support/drivers';
import { postJson } from '../support/http';
import { DELIVERY } from '../support/refusals';
import { useTestServer } from '../support/testServer';

const PROOF_BYTES_PER_ORDER = 40_000;
const t = useTestServer({ DABBA_PROOF_BYTES_PER_ORDER: String(PROOF_BYTES_PER_ORDER) });
let asha: TestDriver;
let orderId: OrderId;

const jpeg = (size = 2048): Uint8Array<ArrayBuffer> =>
  new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(size)]));
const png = (): Uint8Array<ArrayBuffer> =>
  new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(512)]));
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const proofUrl = (proofId: string, order: string = orderId) => `${t.url}/api/orders/${order}/proofs/${proofId}`;

function put(
  bytes: Uint8Array<ArrayBuffer>,
  options: { token?: string; type?: string; proofId?: string; order?: string } = {},
): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': options.type ?? 'image/jpeg' };
  const token = options.token ?? asha.session.token;
  if (token) headers.authorization = `Bearer ${token}`;
  return fetch(proofUrl(options.proofId ?? sha256(bytes), options.order), { method: 'PUT', headers, body: bytes });
}

const get = (proofId: string, token?: string) => fetch(proofUrl(proofId), token ? { headers: { authorization: `Bearer ${token}` } } : {});
const codeOf = async (res: Response): Promise<string> => ((await res.json()) as { error: { code: string } }).error.code;

beforeAll(async () => {
  asha = await addDriver(t.url, t.admin, 'Asha', NEAR_OUTLET);
  ({ orderId } = await placeOrder(t.url, DELIVERY));
  const assigned = await postJson(`${t.url}/newdelivery`, { orderId }, { token: t.admin.token });
  expect(assigned.body).toMatchObject({ driverId: asha.id });
  // The proof route reads the driver from the order index, which the dispatch hook updates after the reply.
  await t.server.hooksSettled();
});

describe('proof-of-delivery photos', () => {
  it('are stored once by their hash, whether uploaded before or after the delivered event, and read back by those involved', async () => {
    const photo = jpeg();
    const proofId = sha256(photo);
    const first = await put(photo);
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ proofId });
    expect((await put(photo)).status).toBe(200); // a retried upload
    for (const token of [t.outlet.token, t.admin.token, asha.session.token]) {
      const res = await get(proofId, token);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/jpeg');
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(photo);
    }

    await appendAs(t.url, t.outlet, orderId, { type: 'accepted', prepMinutes: 10 });
    await appendAs(t.url, asha.session, orderId, { type: 'picked_up' });
    const later = png();
    await appendAs(t.url, asha.session, orderId, { type: 'delivered', proof: sha256(later) });
    expect((await put(later, { type: 'image/png' })).status).toBe(201);
    expect((await get(sha256(later), t.outlet.token)).headers.get('content-type')).toBe('image/png');
    // An admin may add one too (a photo sent in by phone).
    expect((await put(jpeg(), { token: t.admin.token })).status).toBe(201);
  });

  it('refuse a photo whose bytes do not match its id, or are not the image they claim to be; nothing is kept', async () => {
    const photo = jpeg();
    const cut = photo.slice(0, 1000);
    const mismatch = await put(cut, { proofId: sha256(photo) });
    expect(mismatch.status).toBe(400);
    expect(await codeOf(mismatch)).toBe('proof_mismatch');
    expect((await get(sha256(photo), t.admin.token)).status).toBe(404);

    const text = new TextEncoder().encode('<svg onload="alert(1)"></svg>');
    const fake = await put(text, { type: 'image/png' });
    expect(fake.status).toBe(400);
    expect(await codeOf(fake)).toBe('invalid_image');
    const svg = await put(text, { type: 'image/svg+xml' });
    expect(svg.status).toBe(415);
    expect((await put(new Uint8Array(0))).status).toBe(400);
    const huge = await put(jpeg(5 * 1024 * 1024));
    expect(huge.status).toBe(413);
    expect(await codeOf(huge)).toBe('payload_too_large');
    const badId = await put(photo, { proofId: 'ABC' });
    expect(badId.status).toBe(400);
    expect(await codeOf(badId)).toBe('invalid_proof_id');
    expect((await put(photo, { order: 'noSuchOrder' })).status).toBe(404);
  });

  it('are only for the assigned driver or an admin to add, and the order’s outlet, its driver and admins to see', async () => {
    const photo = jpeg();
    expect((await put(photo, { token: '' })).status).toBe(401);
    expect((await put(photo, { token: t.driver.token })).status).toBe(403); // a driver not on this order
    expect((await put(photo, { token: t.outlet.token })).status).toBe(403);
    expect((await put(photo)).status).toBe(201);
    expect((await get(sha256(photo))).status).toBe(401);
    expect((await get(sha256(photo), t.driver.token)).status).toBe(403);
  });

  it('are at most five per order: the rest are refused with too_many_proofs while those stored stay readable and re-uploads still succeed', async () => {
    const { orderId: order } = await placeOrder(t.url, DELIVERY);
    const kept: Uint8Array<ArrayBuffer>[] = [];
    for (let i = 0; i < 15; i++) {
      const photo = jpeg(512);
      const res = await put(photo, { token: t.admin.token, order });
      if (i < 5) {
        expect(res.status).toBe(201);
        kept.push(photo);
      } else {
        expect(res.status).toBe(409);
        expect(await codeOf(res)).toBe('too_many_proofs');
      }
      // A photo already stored is still answered as stored, over the cap or not.
      const again = kept[i % kept.length];
      if (again) expect((await put(again, { token: t.admin.token, order })).status).toBe(200);
    }
    for (const photo of kept) {
      const res = await fetch(proofUrl(sha256(photo), order), { headers: { authorization: `Bearer ${t.admin.token}` } });
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(photo);
    }
    // Another order has its own allowance.
    const { orderId: next } = await placeOrder(t.url, DELIVERY);
    expect((await put(jpeg(512), { token: t.admin.token, order: next })).status).toBe(201);
  });

  it('add up to at most DABBA_PROOF_BYTES_PER_ORDER bytes per order: a photo that would pass it is refused with proofs_too_large', async () => {
    const { orderId: order } = await placeOrder(t.url, DELIVERY);
    const size = 12_000;
    let total = 0;
    for (let i = 0; i < 9; i++) {
      const photo = jpeg(size);
      const res = await put(photo, { token: t.admin.token, order });
      if (total + photo.length <= PROOF_BYTES_PER_ORDER) {
        expect(res.status).toBe(201);
        total += photo.length;
      } else {
        expect(res.status).toBe(409);
        expect(await codeOf(res)).toBe('proofs_too_large');
      }
    }
    expect(total).toBe(3 * (size + 4));
    // A small photo that still fits is taken.
    expect((await put(jpeg(PROOF_BYTES_PER_ORDER - total - 4), { token: t.admin.token, order })).status).toBe(201);
    const over = await put(jpeg(1), { token: t.admin.token, order });
    expect(await codeOf(over)).toBe('proofs_too_large');
  });
});
