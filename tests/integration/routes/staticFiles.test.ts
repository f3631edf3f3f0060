import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DabbaServer } from '../../../sync-server/app';
import { precompressDir } from '../../../scripts/precompress/precompress';
import { startTestServer, tempDataDir } from '../support/server';

/** A hashed script and an app shell as `vite build` writes them, compressible text well over a kilobyte. */
const SCRIPT = `export const menu = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => ({ id: `item-${i}`, name: `Masala Dosa ${i}` })))};\n`;
const SHELL = `<!doctype html><html lang="en"><title>order</title>${'<link rel="modulepreload" href="/assets/x.js">'.repeat(60)}</html>`;

interface Raw {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
}

/** A GET that keeps the bytes as sent (fetch would decode them and drop Content-Encoding from view). */
function get(url: string, acceptEncoding: string | null): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === null ? {} : { 'accept-encoding': acceptEncoding };
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

let server: DabbaServer;
beforeAll(async () => {
  const dir = tempDataDir('dabba-static');
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.mkdirSync(path.join(dir, 'order'));
  fs.writeFileSync(path.join(dir, 'assets', 'menu-Cx81abZ.js'), SCRIPT);
  fs.writeFileSync(path.join(dir, 'order', 'index.html'), SHELL);
  fs.writeFileSync(path.join(dir, 'assets', 'logo-9ab.png'), Buffer.alloc(4096, 7));
  fs.mkdirSync(path.join(dir, 'home'));
  fs.copyFileSync(path.resolve(import.meta.dirname, '../../../client/home/index.html'), path.join(dir, 'home', 'index.html'));
  await precompressDir(dir);
  server = await startTestServer({ DABBA_STATIC_DIR: dir });
});
afterAll(() => server.close());

describe('static files', () => {
  it('sends a hashed script as its brotli copy to a browser that takes brotli, cached for a year', async () => {
    const res = await get(`${server.url}/assets/menu-Cx81abZ.js`, 'gzip, deflate, br');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['vary']).toContain('Accept-Encoding');
    expect(zlib.brotliDecompressSync(res.body).toString()).toBe(SCRIPT);
    expect(res.body.length).toBeLessThan(SCRIPT.length / 4);
  });

  it('sends gzip to a browser without brotli, and the file itself to one that takes neither', async () => {
    const gz = await get(`${server.url}/assets/menu-Cx81abZ.js`, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).toString()).toBe(SCRIPT);
    const plain = await get(`${server.url}/assets/menu-Cx81abZ.js`, null);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
    expect(plain.headers['vary']).toContain('Accept-Encoding');
  });

  it('sends an app shell compressed on any path of its app, revalidated on every visit', async () => {
    const res = await get(`${server.url}/order/demo-outlet`, 'br');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(zlib.brotliDecompressSync(res.body).toString()).toBe(SHELL);
  });

  it('sends pictures as they are: they are compressed already', async () => {
    const res = await get(`${server.url}/assets/logo-9ab.png`, 'gzip, br');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.length).toBe(4096);
  });
});

describe('the landing page', () => {
  it('is what / shows: a link to each app, not a redirect into one', async () => {
    const res = await fetch(`${server.url}/`, { redirect: 'manual' });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const html = await res.text();
    for (const app of ['order', 'outlet', 'driver', 'admin']) expect(html).toContain(`href="/${app}/"`);
  });
});
