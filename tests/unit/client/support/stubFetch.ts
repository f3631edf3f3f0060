import { vi } from 'vitest';

/** Every fetch answers with this status and JSON body; undo with vi.unstubAllGlobals(). */
export function serverAnswers(status: number, body: unknown): void {
  vi.stubGlobal('fetch', async () => new Response(JSON.stringify(body), { status }));
}

/** Every fetch fails as it does when the device has no network. */
export function serverUnreachable(): void {
  vi.stubGlobal('fetch', async () => Promise.reject(new TypeError('Failed to fetch')));
}
