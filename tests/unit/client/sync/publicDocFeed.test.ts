import * as Y from 'yjs';
import { describe, expect, it, vi } from 'vitest';
import { PublicDocFeed } from '../../../../client/common/sync/publicDocFeed';
import type { ConnectionState } from '../../../../client/common/sync/reconnectingSocket';
import { FakeServer } from '../support/fakeServer';

const DOC = 'track:abcdefghijklmnopqrstuvwxyz012345';

function setup() {
  const server = new FakeServer();
  const seen: unknown[] = [];
  const states: ConnectionState['status'][] = [];
  const refusals: string[] = [];
  const feed = new PublicDocFeed({
    url: () => 'ws://test/sync',
    docName: DOC,
    onChange: (doc) => seen.push(doc.getMap('track').get('view')),
    onConnection: (s) => states.push(s.status),
    onRefused: (code, message) => refusals.push(`${code}: ${message}`),
    connect: server.connect,
    backoff: { baseMs: 1, maxMs: 1 },
  });
  return { server, feed, seen, states, refusals };
}

/** What the server would write into the track document. */
function serverUpdate(source: Y.Doc, status: string): Uint8Array {
  const before = Y.encodeStateVector(source);
  source.getMap('track').set('view', { status });
  return Y.encodeStateAsUpdate(source, before);
}

describe('PublicDocFeed', () => {
  it("subscribes on connect and applies the server's updates as they come", () => {
    const { server, feed, seen, states } = setup();
    feed.start();
    server.open();
    expect(server.subscriptions()).toEqual([DOC]);
    const source = new Y.Doc();
    server.relay(DOC, serverUpdate(source, 'placed'));
    server.relay(DOC, serverUpdate(source, 'accepted'));
    expect(seen).toEqual([{ status: 'placed' }, { status: 'accepted' }]);
    expect(states).toEqual(['connecting', 'online']);
    feed.stop();
  });

  it('resubscribes after a drop with what it already has, and never writes', () => {
    const { server, feed } = setup();
    feed.start();
    server.open();
    const source = new Y.Doc();
    server.relay(DOC, serverUpdate(source, 'placed'));
    server.drop();
    expect(feed.connection.status).toBe('offline');
    feed.networkBack();
    server.open();
    expect(server.subscriptions()).toEqual([DOC, DOC]);
    expect(server.updates()).toEqual([]);
    const lastStep1 = server.received.at(-1);
    expect(lastStep1?.type === 0 && lastStep1.payload.length).toBeGreaterThan(3); // carries a non-empty state vector
    feed.stop();
  });

  it('stops for good when the server refuses the document', () => {
    const { server, feed, refusals } = setup();
    feed.start();
    server.open();
    server.refuse(DOC, 'not_found', 'No order has this tracking link.');
    expect(refusals).toEqual(['not_found: No order has this tracking link.']);
    expect(feed.connection.status).toBe('stopped');
  });

  it('asks again after a refusal that only says the server is busy', () => {
    vi.useFakeTimers();
    try {
      const { server, feed, refusals } = setup();
      feed.start();
      server.open();
      server.refuse(DOC, 'load_failed', 'The document could not be loaded; try again later.');
      expect(refusals).toEqual([]);
      expect(feed.connection.status).toBe('online');
      vi.advanceTimersByTime(3_000);
      expect(server.subscriptions()).toEqual([DOC, DOC]);
      feed.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('ignores frames for other documents', () => {
    const { server, feed, seen } = setup();
    feed.start();
    server.open();
    server.relay('track:someone-else', serverUpdate(new Y.Doc(), 'placed'));
    expect(seen).toEqual([]);
    feed.stop();
  });
});
