import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MENU_PHOTO_MAX_BYTES, MENU_PHOTO_UPLOAD, MENU_PHOTO_URL } from '../../../../shared/api/menuPhotos';
import { sendChunked } from '../../support/chunked';
import { useTestServer } from '../../support/testServer';

const t = useTestServer();

const withHeader = (header: number[], size: number): Uint8Array<ArrayBuffer> =>
  new Uint8Array(Buffer.concat([Buffer.from(header), randomBytes(Math.max(0, size - header.length))]));
const jpeg = (size = 4096) => withHeader([0xff, 0xd8, 0xff, 0xe0], size);
const png = () => withHeader([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 1024);
const webp = () => withHeader([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50], 1024);
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

function upload(bytes: Uint8Array<ArrayBuffer>, options: { token?: string; type?: string } = {}): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': options.type ?? 'image/jpeg' };
  const token = options.token ?? t.admin.token;
  if (token) headers.authorization = `Bearer ${token}`;
  return fetch(`${t.url}${MENU_PHOTO_UPLOAD}`, { method: 'POST', headers, body: bytes });
}

/**
 * Uploads a photo the server refuses before reading it all, on a connection of its own that stops
 * sending once answered (a pooled fetch would be reused while the server drops it).
 */
async function uploadRefusedEarly(bytes: Uint8Array, token: string): Promise<{ status: number; error: { code: string; message: string } }> {
  const chunks = Array.from({ length: Math.ceil(bytes.length / 65_536) }, (_, i) => bytes.subarray(i * 65_536, (i + 1) * 65_536));
  const headers = { 'content-type': 'image/jpeg', authorization: `Bearer ${token}` };
  const res = await sendChunked(`${t.url}${MENU_PHOTO_UPLOAD}`, 'POST', headers, chunks);
  return { status: res.status, error: (JSON.parse(res.body) as { error: { code: string; message: string } }).error };
}

const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

describe('POST /api/admin/menu-photos', () => {
  it('stores a new photo by its hash (201 {url}) and serves the same bytes there, publicly, cached for good', async () => {
    const photo = jpeg();
    const res = await upload(photo);
    expect(res.status).toBe(201);
    const { url } = (await res.json()) as { url: string };
    expect(url).toBe(`/media/menu/${sha256(photo)}.jpg`);
    expect(url).toMatch(MENU_PHOTO_URL);

    const served = await fetch(`${t.url}${url}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // The ordering page may show it: the policy lets images come from this origin.
    expect(served.headers.get('content-security-policy')).toMatch(/img-src 'self'/);
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(photo);
  });

  it('answers 200 with the same url for bytes it already has', async () => {
    const photo = jpeg();
    const first = (await (await upload(photo)).json()) as { url: string };
    const again = await upload(photo);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(first);
  });

  it('keeps PNG and WebP photos as what they are', async () => {
    for (const [bytes, type, ext] of [
      [png(), 'image/png', 'png'],
      [webp(), 'image/webp', 'webp'],
    ] as const) {
      const res = await upload(bytes, { type });
      expect(res.status).toBe(201);
      const { url } = (await res.json()) as { url: string };
      expect(url).toBe(`/media/menu/${sha256(bytes)}.${ext}`);
      const served = await fetch(`${t.url}${url}`);
      expect(served.headers.get('content-type')).toBe(type);
      expect(new Uint8Array(await served.arrayBuffer())).toEqual(bytes);
    }
  });

  it('refuses with 415 what is not the JPEG, PNG or WebP image it says it is, and keeps none of it', async () => {
    const script = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>');
    const cases: [string, Uint8Array<ArrayBuffer>, string][] = [
      ['an SVG', script, 'image/svg+xml'],
      ['markup sent as a PNG', script, 'image/png'],
      ['a JPEG sent as a PNG', jpeg(), 'image/png'],
      ['a photo sent as JSON', jpeg(), 'application/json'],
      ['a GIF', withHeader([0x47, 0x49, 0x46, 0x38, 0x39, 0x61], 512), 'image/gif'],
    ];
    for (const [what, bytes, type] of cases) {
      const res = await upload(bytes, { type });
      expect({ what, status: res.status, code: (await errorOf(res)).code }).toEqual({ what, status: 415, code: 'unsupported_media_type' });
    }
    for (const ext of ['jpg', 'png', 'webp']) expect((await fetch(`${t.url}/media/menu/${sha256(script)}.${ext}`)).status).toBe(404);
    expect((await upload(new Uint8Array(0))).status).toBe(400);
  });

  it('takes a photo of up to 2 MiB and refuses a larger one with 413 naming the limit', async () => {
    expect((await upload(jpeg(MENU_PHOTO_MAX_BYTES))).status).toBe(201);
    const over = await uploadRefusedEarly(jpeg(MENU_PHOTO_MAX_BYTES + 1), t.admin.token);
    expect(over.status).toBe(413);
    expect(over.error.code).toBe('payload_too_large');
    expect(over.error.message).toContain('2 MiB');
  });

  it('is for admins: 401 without a valid token, 403 for outlet staff and drivers, checked before the body is read', async () => {
    expect((await upload(jpeg(), { token: '' })).status).toBe(401);
    expect((await upload(jpeg(), { token: 'not-a-jwt' })).status).toBe(401);
    for (const token of [t.outlet.token, t.driver.token]) {
      const res = await upload(jpeg(), { token });
      expect(res.status).toBe(403);
      expect((await errorOf(res)).message).toMatch(/for admins/);
    }
    expect((await uploadRefusedEarly(jpeg(MENU_PHOTO_MAX_BYTES + 1), t.outlet.token)).status).toBe(403);
  });
});

describe('GET /media/menu/<name>', () => {
  it('is a JSON 404 for a photo it does not have or a name that is not a photo’s, never a file found by the name', async () => {
    const names = [
      `${sha256(jpeg())}.jpg`,
      `${sha256(jpeg()).toUpperCase()}.jpg`,
      `${sha256(jpeg())}.gif`,
      `${sha256(jpeg())}.jpg.part`,
      'abc.jpg',
      '..%2F..%2Fjwt-secret',
      '..%2Fjwt-secret',
      '%2e%2e%2fdabba.sqlite',
    ];
    for (const name of names) {
      const res = await fetch(`${t.url}/media/menu/${name}`);
      expect({ name, status: res.status }).toEqual({ name, status: 404 });
      expect(await errorOf(res)).toMatchObject({ code: 'not_found' });
    }
    for (const path of ['/media/', '/media/menu/', '/media/jwt-secret', '/media/menu/a/b.jpg']) {
      const res = await fetch(`${t.url}${path}`);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(await errorOf(res)).toMatchObject({ code: 'not_found' });
    }
  });
});
