import http from 'node:http';

export interface RawResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/**
 * Sends `chunks` as a chunked body with no Content-Length, the way a streaming client would, so a server
 * cannot size the body up front; or, given `contentLength`, announces that many bytes and sends the
 * chunks as the start of them. Stops writing once the server has answered (it may refuse early and close
 * the connection, which fetch reports as a failure).
 */
export function sendChunked(
  url: string,
  method: string,
  headers: Record<string, string>,
  chunks: readonly Uint8Array[],
  contentLength?: number,
): Promise<RawResponse> {
  const framing = contentLength === undefined ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(contentLength) };
  return new Promise((resolve, reject) => {
    let answered = false;
    // A connection of its own (a kept-alive one the server closed after an earlier early answer would hang
    // up), still asking to be kept alive: with `Connection: close` the server would close straight after an
    // early answer, and the body still being written would meet EPIPE instead of being drained.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const req = http.request(url, { method, headers: { ...headers, ...framing }, agent }, (res) => {
      answered = true;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (part: string) => {
        body += part;
      });
      res.on('end', () => {
        agent.destroy();
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
      });
      res.on('error', reject);
    });
    // The server may close the connection after an early answer; that is the point, not a failure.
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    const writeNext = (i: number): void => {
      if (answered || i === chunks.length) {
        req.end();
        return;
      }
      const chunk = chunks[i];
      if (chunk) req.write(chunk, () => setImmediate(() => writeNext(i + 1)));
    };
    writeNext(0);
  });
}
