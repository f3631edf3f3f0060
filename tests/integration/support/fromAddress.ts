import http from 'node:http';
import type { JsonResponse } from './http';

/**
 * POSTs JSON from a chosen loopback address (any of 127.0.0.0/8 on Linux), so one test can be
 * several clients as the server sees them. Each request gets its own connection.
 */
export function postJsonFrom<T = unknown>(localAddress: string, url: string, body: unknown): Promise<JsonResponse<T>> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        localAddress,
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(res.headers)) if (typeof value === 'string') headers.set(name, value);
          resolve({ status: res.statusCode ?? 0, headers, body: JSON.parse(text) as T });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
