import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CloseCode } from '../../../../shared/protocol/closeCodes';
import { HANDOFF_SPREAD_MS } from '../../../../client/common/sync/backoff';
import { ReconnectingSocket, type ConnectionState, type SocketHandlers } from '../../../../client/common/sync/reconnectingSocket';

/** A socket the test opens and closes by hand. */
class FakeSockets {
  readonly dialed: { url: string; handlers: SocketHandlers; sent: Uint8Array[]; closed: boolean }[] = [];

  readonly connect = (url: string, handlers: SocketHandlers) => {
    const socket = { url, handlers, sent: [] as Uint8Array[], closed: false };
    this.dialed.push(socket);
    return {
      send: (frame: Uint8Array) => socket.sent.push(frame),
      close: () => {
        socket.closed = true;
      },
    };
  };

  get last() {
    const socket = this.dialed.at(-1);
    if (!socket) throw new Error('nothing was dialed');
    return socket;
  }
}

function setup(options: { stableAfterMs?: number } = {}) {
  const sockets = new FakeSockets();
  const states: ConnectionState[] = [];
  const opened = vi.fn();
  const frames: Uint8Array[] = [];
  let token = 'token-1';
  const socket = new ReconnectingSocket({
    url: () => `ws://test/sync?token=${token}`,
    onOpen: opened,
    onFrame: (frame) => frames.push(frame),
    onState: (state) => states.push(state),
    connect: sockets.connect,
    backoff: { baseMs: 1_000, maxMs: 8_000 },
    random: () => 1,
    ...options,
  });
  return {
    socket,
    sockets,
    states,
    opened,
    frames,
    setToken: (t: string) => {
      token = t;
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('ReconnectingSocket', () => {
  it('is connecting on start and online once the socket opens', () => {
    const { socket, sockets, states, opened } = setup();
    socket.start();
    expect(socket.state.status).toBe('connecting');
    sockets.last.handlers.onOpen();
    expect(socket.state.status).toBe('online');
    expect(opened).toHaveBeenCalledTimes(1);
    expect(states.map((s) => s.status)).toEqual(['connecting', 'online']);
  });

  it('retries a dropped connection after a growing, jittered delay', () => {
    const { socket, sockets } = setup();
    socket.start();
    sockets.last.handlers.onClose(1006, '');
    expect(socket.state.status).toBe('offline');
    expect(sockets.dialed).toHaveLength(1);
    vi.advanceTimersByTime(999);
    expect(sockets.dialed).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets.dialed).toHaveLength(2);
    sockets.last.handlers.onClose(1006, '');
    vi.advanceTimersByTime(1_999);
    expect(sockets.dialed).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sockets.dialed).toHaveLength(3);
  });

  it('says when it will try again while offline', () => {
    const { socket, sockets } = setup();
    vi.setSystemTime(1_000_000);
    socket.start();
    sockets.last.handlers.onClose(1006, '');
    expect(socket.state).toEqual({ status: 'offline', retryAt: 1_001_000, reason: null });
  });

  it('reads the URL again at each attempt so a new token is used', () => {
    const { socket, sockets, setToken } = setup();
    socket.start();
    setToken('token-2');
    sockets.last.handlers.onClose(1006, '');
    vi.advanceTimersByTime(1_000);
    expect(sockets.dialed.map((s) => s.url)).toEqual(['ws://test/sync?token=token-1', 'ws://test/sync?token=token-2']);
  });

  for (const [why, code, status, reason] of [
    ['the token is refused', CloseCode.UNAUTHORIZED, 'unauthorized', 'unauthorized'],
    ['the sign-in was revoked on the server', CloseCode.REVOKED, 'revoked', 'sign-in revoked'],
  ] as const) {
    it(`does not retry when ${why}, and says so apart from the other sign-in refusal`, () => {
      const { socket, sockets } = setup();
      socket.start();
      sockets.last.handlers.onClose(code, 'refused');
      expect(socket.state).toEqual({ status, retryAt: null, reason });
      vi.advanceTimersByTime(60_000);
      expect(sockets.dialed).toHaveLength(1);
    });
  }

  it('stops when the server says the app is out of date, and asks for a reload instead of retrying', () => {
    const { socket, sockets } = setup();
    socket.start();
    sockets.last.handlers.onClose(CloseCode.UPDATE_REQUIRED, 'old');
    expect(socket.state).toEqual({ status: 'update-required', retryAt: null, reason: 'this app is out of date: reload to update' });
    vi.advanceTimersByTime(60_000);
    expect(sockets.dialed).toHaveLength(1);
  });

  it('stops on a close code retrying cannot fix, naming it', () => {
    const { socket, sockets } = setup();
    socket.start();
    sockets.last.handlers.onOpen();
    sockets.last.handlers.onClose(CloseCode.FORBIDDEN, '');
    expect(socket.state).toEqual({ status: 'stopped', retryAt: null, reason: 'forbidden' });
    vi.advanceTimersByTime(60_000);
    expect(sockets.dialed).toHaveLength(1);
  });

  it('reconnects within the handoff spread when a draining node closes it, however far the backoff had climbed', () => {
    const { socket, sockets } = setup();
    socket.start();
    for (let i = 0; i < 4; i++) {
      sockets.last.handlers.onClose(1006, '');
      vi.runOnlyPendingTimers();
    }
    // Four failures: the next wait would be 8 s. The node it reached drains a moment later.
    sockets.last.handlers.onOpen();
    sockets.last.handlers.onClose(CloseCode.SHUTTING_DOWN, 'server shutting down');
    expect(socket.state).toMatchObject({ status: 'offline', reason: 'server shutting down' });
    expect((socket.state.retryAt ?? 0) - Date.now()).toBe(HANDOFF_SPREAD_MS);
    vi.advanceTimersByTime(HANDOFF_SPREAD_MS);
    expect(sockets.dialed).toHaveLength(6);
    // Should the next node be unreachable too, the backoff climbs again from its base.
    sockets.last.handlers.onClose(1006, '');
    expect((socket.state.retryAt ?? 0) - Date.now()).toBe(1_000);
  });

  it('resets the backoff only after a connection stayed up for a while', () => {
    const { socket, sockets } = setup({ stableAfterMs: 5_000 });
    socket.start();
    for (let i = 0; i < 3; i++) {
      sockets.last.handlers.onClose(1006, '');
      vi.runOnlyPendingTimers();
    }
    // Three failures: the next wait would be 8 s. A flapping open does not reset it...
    sockets.last.handlers.onOpen();
    sockets.last.handlers.onClose(1006, '');
    expect((socket.state.retryAt ?? 0) - Date.now()).toBe(8_000);
    vi.runOnlyPendingTimers();
    // ...a stable one does.
    sockets.last.handlers.onOpen();
    vi.advanceTimersByTime(5_000);
    sockets.last.handlers.onClose(1006, '');
    expect((socket.state.retryAt ?? 0) - Date.now()).toBe(1_000);
  });

  it('sends only while open and reports when it could not', () => {
    const { socket, sockets } = setup();
    socket.start();
    expect(socket.send(new Uint8Array([1]))).toBe(false);
    sockets.last.handlers.onOpen();
    expect(socket.send(new Uint8Array([2]))).toBe(true);
    expect(sockets.last.sent).toEqual([new Uint8Array([2])]);
  });

  it('retries at once when asked, instead of waiting out the backoff', () => {
    const { socket, sockets } = setup();
    socket.start();
    sockets.last.handlers.onClose(1006, '');
    socket.retryNow();
    expect(sockets.dialed).toHaveLength(2);
    socket.retryNow();
    expect(sockets.dialed).toHaveLength(2);
  });

  it('goes offline at once when the device loses its network, and retries with backoff', () => {
    const { socket, sockets } = setup();
    socket.start();
    const first = sockets.last;
    first.handlers.onOpen();
    socket.networkLost();
    expect(first.closed).toBe(true);
    expect(socket.state).toMatchObject({ status: 'offline', reason: 'the device is offline' });
    expect(socket.send(new Uint8Array([1]))).toBe(false);
    first.handlers.onClose(1006, '');
    vi.advanceTimersByTime(1_000);
    expect(sockets.dialed).toHaveLength(2);
  });

  it('ignores events from a socket it already replaced or stopped', () => {
    const { socket, sockets, frames } = setup();
    socket.start();
    const first = sockets.last;
    socket.stop();
    expect(first.closed).toBe(true);
    first.handlers.onOpen();
    first.handlers.onFrame(new Uint8Array([9]));
    first.handlers.onClose(1006, '');
    expect(socket.state.status).toBe('stopped');
    expect(frames).toEqual([]);
    vi.advanceTimersByTime(60_000);
    expect(sockets.dialed).toHaveLength(1);
  });

  it('treats a socket that cannot even be created as a dropped connection', () => {
    const states: string[] = [];
    const socket = new ReconnectingSocket({
      url: () => 'not a url',
      onOpen: () => undefined,
      onFrame: () => undefined,
      onState: (s) => states.push(s.status),
      connect: () => {
        throw new SyntaxError('bad url');
      },
      random: () => 0,
    });
    socket.start();
    expect(states).toEqual(['connecting', 'offline']);
    socket.stop();
  });
});
