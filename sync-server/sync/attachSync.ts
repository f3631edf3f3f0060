import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { CLOSE_REASONS, CloseCode } from '../../shared/protocol/closeCodes';
import { MAX_FRAME_BYTES } from '../../shared/protocol/limits';
import { socketIdentity } from '../../shared/protocol/socketIdentity';
import { readUnsyncedParam } from '../../shared/api/unsyncedReport';
import { announcedVersion, MIN_PROTOCOL_VERSION } from '../../shared/protocol/version';
import type { ErrorBody } from '../../shared/api/errors';
import type { AccountControl } from '../auth/accountControl';
import { DRAINING } from '../lifecycle/drain';
import { TOKEN_REFUSALS } from '../../shared/api/tokenRefusals';
import type { Authentication, Session, SessionCheck, TokenService } from '../auth/tokens';
import { ALLOWED, type Verdict } from '../limits/limiterStore';
import type { RateLimiter } from '../limits/rateLimit';
import { clientKey } from '../limits/clientAddress';
import { outletDeviceOf } from '../presence/outletDeviceBook';
import type { Presence } from '../presence/presence';
import { MuxConnection, type SyncDeps } from './muxConnection';
import { Keepalive } from './keepalive';
import { PlainConnection } from './plainConnection';
import { UserSockets } from './userSockets';

/** What the upgrade decided about a socket, all a socket keeps of it. */
interface Upgrade {
  readonly isMux: boolean;
  /** The document of a plain `/sync/<docName>` socket. */
  readonly plainDoc: string | null;
  readonly outdated: boolean;
  readonly hasToken: boolean;
  readonly auth: Authentication;
  readonly anonymousAllowed: Verdict;
  readonly address: string;
  /** The query string, read once the socket is adopted (the device's identity for presence), not kept. */
  readonly params: URLSearchParams;
}

export interface SyncEndpoint {
  readonly connections: ReadonlySet<WebSocket>;
  /** Refuses new sockets with `503 draining`, which a load balancer retries on another node; open ones are still served. */
  stopAccepting(): void;
  /** Closes every socket with SHUTTING_DOWN (devices reconnect at once, elsewhere) and stops accepting new ones. */
  close(): Promise<void>;
}

/**
 * Routes WebSocket upgrades: `/sync` (multiplexed) and `/sync/<docName>` (plain y-websocket).
 * The token is checked before the upgrade completes; a bad one is closed with UNAUTHORIZED.
 */
/**
 * A socket that stops answering pings is terminated after one to two `keepaliveMs` (see Keepalive).
 * Sockets without a token can open only tracking documents, whose token is the credential: one address
 * (the peer's, or behind `trustedProxyHops` trusted proxies the one they forwarded, see clientKey)
 * may open as many of them as `anonymousSockets` allows (counted before the upgrade completes). Unknown tracking tokens, asked for over any socket,
 * count against the address's budget in `deps.trackLookups` (access.ts), the one HTTP lookups spend.
 * Every signed-in socket is in `presence` from its upgrade until it closes; tracking pages are not. An
 * outlet device's socket also reports how old its oldest unsynced change is (`unsynced=`), or that its
 * app does not say.
 */
export function attachSync(
  server: Server,
  tokens: TokenService,
  deps: SyncDeps,
  keepaliveMs: number,
  anonymousSockets: RateLimiter,
  trustedProxyHops: number,
  accounts: AccountControl,
  presence: Pick<Presence, 'connect' | 'reportUnsynced'>,
): SyncEndpoint {
  const signedIn = new UserSockets();
  const stopFollowingAccounts = accounts.onSessionsEnded((userId, why) =>
    signedIn.closeAll(userId, CloseCode.REVOKED, TOKEN_REFUSALS[why]),
  );
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES, perMessageDeflate: false });
  const connections = new Set<WebSocket>();
  let accepting = true;
  const keepalive = new Keepalive(keepaliveMs);

  /**
   * Checks the sign-in again now that the socket is registered (an account disabled during the upgrade
   * is not missed), then puts the socket in presence; a refused one is closed and never in presence.
   */
  const admitSignedIn = (
    ws: WebSocket,
    session: Session,
    identity: ReturnType<typeof socketIdentity>,
    unsynced: ReturnType<typeof readUnsyncedParam>,
  ): void => {
    tokens.recheck(session).then(
      (refusal) => {
        if (refusal) {
          ws.close(CloseCode.REVOKED, TOKEN_REFUSALS[refusal]);
          return;
        }
        if (ws.readyState !== ws.OPEN) return;
        const { actor: who } = session;
        const socketPresence = {
          userId: who.id,
          role: who.role,
          outletId: who.role === 'outlet' ? who.outletId : null,
          ...identity,
        };
        const entry = presence.connect(socketPresence);
        const outletDevice = outletDeviceOf(socketPresence);
        if (outletDevice) presence.reportUnsynced(outletDevice, unsynced);
        ws.once('close', () => entry.remove());
      },
      (err: unknown) => {
        deps.log.error('checking a socket sign-in failed; the socket is dropped', { error: String(err) });
        ws.terminate();
      },
    );
  };

  /**
   * A socket the upgrade let through. Its own scope on purpose: closures made for the socket's lifetime
   * (its close and error handlers, its connection) keep alive the scope they were made in, and made in the
   * upgrade handler they kept the upgrade request, its URL and headers for as long as the socket was open.
   */
  const adopt = (ws: WebSocket, upgrade: Upgrade): void => {
    connections.add(ws);
    keepalive.add(ws);
    ws.on('close', () => connections.delete(ws));
    ws.on('error', () => ws.terminate());
    // Before anything else: an out-of-date app must hear that it needs updating, not a stranger refusal.
    if (upgrade.outdated) {
      ws.close(CloseCode.UPDATE_REQUIRED, CLOSE_REASONS[CloseCode.UPDATE_REQUIRED]);
      return;
    }
    const { auth } = upgrade;
    if (!auth.ok && upgrade.hasToken) {
      const invalid = auth.error.code === 'invalid_token';
      ws.close(
        invalid ? CloseCode.UNAUTHORIZED : CloseCode.REVOKED,
        invalid ? 'invalid or expired token' : TOKEN_REFUSALS[auth.error.code],
      );
      return;
    }
    if (!upgrade.anonymousAllowed.allowed) {
      ws.close(CloseCode.ABUSE, 'too many anonymous connections; try again in a minute');
      return;
    }
    const session = auth.ok ? auth.value : null;
    // Registered before anything is awaited, so an account disabled from here on closes this socket too.
    if (session) signedIn.add(session.actor.id, ws);
    const stillSignedIn: SessionCheck = session ? () => tokens.recheck(session) : () => Promise.resolve(null);
    const actor = session?.actor ?? null;
    // Listening at once: the device's first frames may already be on their way. Each connection checks
    // the sign-in again before it serves a document.
    if (upgrade.isMux) new MuxConnection(ws, actor, deps, upgrade.address, stillSignedIn);
    else if (upgrade.plainDoc !== null) new PlainConnection(ws, actor, upgrade.plainDoc, deps, upgrade.address, stillSignedIn);
    if (session) admitSignedIn(ws, session, socketIdentity(upgrade.params), readUnsyncedParam(upgrade.params));
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const isMux = url.pathname === '/sync';
    const plainDoc = url.pathname.startsWith('/sync/') ? safeDecode(url.pathname.slice('/sync/'.length)) : null;
    if (!accepting) {
      refuseDraining(socket);
      return;
    }
    if (!isMux && plainDoc === null) {
      socket.destroy();
      return;
    }
    const token = url.searchParams.get('token');
    const outdated = isMux && announcedVersion(url.searchParams.get('v')) < MIN_PROTOCOL_VERSION;
    // The same key as HTTP limits (a trusted proxy's X-Forwarded-For, IPv6 by /64), so one budget covers both.
    const address = clientKey(req.socket.remoteAddress, req.headers['x-forwarded-for'], trustedProxyHops);
    // Counted before the upgrade: once a socket is open its first frames must find a connection listening.
    const budget: Promise<Verdict> = token || outdated ? Promise.resolve(ALLOWED) : anonymousSockets.take(address);
    Promise.all([tokens.authenticate(token), budget]).then(
      ([auth, anonymousAllowed]: [Authentication, Verdict]) => {
        // The drain may have begun while the token was checked: this socket would miss the SHUTTING_DOWN close.
        if (!accepting) {
          refuseDraining(socket);
          return;
        }
        const params = url.searchParams;
        wss.handleUpgrade(req, socket, head, (ws) =>
          adopt(ws, { isMux, plainDoc, outdated, hasToken: Boolean(token), auth, anonymousAllowed, address, params }),
        );
      },
      () => socket.destroy(),
    );
  };
  server.on('upgrade', onUpgrade);

  return {
    connections,
    stopAccepting: () => {
      accepting = false;
    },
    close: async () => {
      accepting = false;
      stopFollowingAccounts();
      keepalive.stop();
      server.off('upgrade', onUpgrade);
      const closing = [...connections].map(
        (ws) =>
          new Promise<void>((resolve) => {
            ws.once('close', () => resolve());
            ws.close(CloseCode.SHUTTING_DOWN, 'server shutting down');
            setTimeout(() => {
              ws.terminate();
              resolve();
            }, 2000).unref();
          }),
      );
      await Promise.all(closing);
      wss.close();
    },
  };
}

const DRAINING_BODY = JSON.stringify({ error: DRAINING } satisfies ErrorBody);

/** The HTTP answer to an upgrade on a draining node: a load balancer retries a 503 elsewhere, a device reconnects. */
function refuseDraining(socket: Duplex): void {
  socket.end(
    'HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nRetry-After: 1\r\nContent-Type: application/json\r\n' +
      `Content-Length: ${Buffer.byteLength(DRAINING_BODY)}\r\n\r\n${DRAINING_BODY}`,
  );
}

function safeDecode(segment: string): string | null {
  try {
    const name = decodeURIComponent(segment);
    return name.length > 0 && name.length <= 200 ? name : null;
  } catch {
    return null;
  }
}
