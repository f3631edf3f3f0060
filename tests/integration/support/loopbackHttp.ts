import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A fake's HTTP side on a free loopback port. */
export interface LoopbackHttp {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves `handle` on a free loopback port, each request with its whole body read: the common part of
 * the fakes tests point the server or the browser at (FCM, Google's push endpoints). Plain node, so
 * Playwright specs can use it too.
 */
export async function serveLoopback(handle: (req: IncomingMessage, body: Buffer, res: ServerResponse) => void): Promise<LoopbackHttp> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => handle(req, Buffer.concat(chunks), res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
