import { afterEach, describe, expect, it, vi } from 'vitest';
import { MENU_PHOTO_MAX_BYTES } from '../../../../../../shared/api/menuPhotos';
import { uploadMenuPhoto } from '../../../../../../client/admin/model/api/menuPhotosApi';
import { serverAnswers, serverUnreachable } from '../../../support/stubFetch';

const URL_OF_PHOTO = `/media/menu/${'c0'.repeat(32)}.jpg`;
const jpeg = (size = 64) => new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), new Uint8Array(size - 4)], { type: 'image/jpeg' });

interface Sent {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: Uint8Array;
}

/** The server answers `status` and `body`; each request is recorded as sent. */
function serverRecords(status: number, body: unknown): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const request = new Request(`http://dabba.test${url}`, init);
    sent.push({ url, method: request.method, headers: request.headers, body: new Uint8Array(await request.arrayBuffer()) });
    return new Response(JSON.stringify(body), { status });
  });
  return sent;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('uploading a menu photo', () => {
  it('sends the photo as it is where the browser cannot shrink it, as the admin, and gives the URL for the menu', async () => {
    const sent = serverRecords(201, { url: URL_OF_PHOTO });
    const photo = jpeg();
    expect(await uploadMenuPhoto('admin-token', photo)).toEqual({ ok: true, value: URL_OF_PHOTO });
    expect(sent.map((s) => [s.method, s.url, s.headers.get('content-type'), s.headers.get('authorization')])).toEqual([
      ['POST', '/api/admin/menu-photos', 'image/jpeg', 'Bearer admin-token'],
    ]);
    expect(sent[0]?.body).toEqual(new Uint8Array(await photo.arrayBuffer()));
  });

  it('gives the same URL when the server had the photo already', async () => {
    serverAnswers(200, { url: URL_OF_PHOTO });
    expect(await uploadMenuPhoto('admin-token', jpeg())).toEqual({ ok: true, value: URL_OF_PHOTO });
  });

  it('says offline that it needs the network, without throwing', async () => {
    serverUnreachable();
    const result = await uploadMenuPhoto('admin-token', jpeg());
    expect(result).toMatchObject({ ok: false, error: { code: 'network' } });
    expect(result.ok ? '' : result.error.message).toMatch(/needs the network/);
  });

  it('passes on the server’s refusal in its words', async () => {
    serverAnswers(415, { error: { code: 'unsupported_media_type', message: 'The bytes are not a image/jpeg image.' } });
    expect(await uploadMenuPhoto('admin-token', jpeg())).toEqual({
      ok: false,
      error: { code: 'unsupported_media_type', message: 'The bytes are not a image/jpeg image.' },
    });
  });

  it('refuses an answer whose URL is not a menu photo’s', async () => {
    serverAnswers(201, { url: 'https://elsewhere.example/x.jpg' });
    expect(await uploadMenuPhoto('admin-token', jpeg())).toMatchObject({ ok: false, error: { code: 'bad_response' } });
  });

  it('does not send what the server would refuse: a type it does not take, or more than 2 MiB', async () => {
    const sent = serverRecords(201, { url: URL_OF_PHOTO });
    const heic = await uploadMenuPhoto('admin-token', new Blob([new Uint8Array(64)], { type: 'image/heic' }));
    expect(heic).toMatchObject({ ok: false, error: { code: 'unsupported_media_type' } });
    const huge = await uploadMenuPhoto('admin-token', jpeg(MENU_PHOTO_MAX_BYTES + 1));
    expect(huge).toMatchObject({ ok: false, error: { code: 'payload_too_large' } });
    expect(huge.ok ? '' : huge.error.message).toMatch(/2 MiB/);
    expect(sent).toEqual([]);
  });
});
