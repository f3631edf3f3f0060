import https from 'node:https';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';

/**
 * An HTTPS agent that dials `endpoint` whatever host a request names. firebase-admin addresses every
 * FCM call to https://fcm.googleapis.com and takes no other base URL, but it sends `Messaging.send`
 * (HTTP/1.1) through `AppOptions.httpAgent`: this agent makes DABBA_FCM_ENDPOINT receive those calls,
 * over plain TCP for an http: endpoint (a local emulator or test fake) and TLS checked against the
 * endpoint's own name for https:. Requests keep their Host header (fcm.googleapis.com).
 */
export class FcmEndpointAgent extends https.Agent {
  constructor(private readonly endpoint: URL) {
    super({ keepAlive: true });
  }

  override createConnection(): Duplex {
    const host = this.endpoint.hostname.replace(/^\[(.*)\]$/, '$1');
    if (this.endpoint.protocol === 'http:') return net.connect({ host, port: Number(this.endpoint.port || 80) });
    return tls.connect({
      host,
      port: Number(this.endpoint.port || 443),
      ...(net.isIP(host) ? {} : { servername: host }),
      ALPNProtocols: ['http/1.1'],
    });
  }
}
