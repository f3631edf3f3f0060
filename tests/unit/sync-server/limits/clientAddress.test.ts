import { describe, expect, it } from 'vitest';
import { clientKey, forwardedClient } from '../../../../sync-server/limits/clientAddress';

const PEER = '10.0.0.2';

describe('forwardedClient without a trusted proxy', () => {
  it('is the TCP peer whatever X-Forwarded-For says', () => {
    expect(forwardedClient(PEER, '203.0.113.7', 0)).toBe(PEER);
    expect(forwardedClient(PEER, '198.51.100.1, 203.0.113.7', 0)).toBe(PEER);
    expect(forwardedClient(PEER, undefined, 0)).toBe(PEER);
  });
});

describe('forwardedClient behind one trusted proxy', () => {
  it('is the entry the proxy appended: the rightmost', () => {
    expect(forwardedClient(PEER, '203.0.113.7', 1)).toBe('203.0.113.7');
    expect(forwardedClient(PEER, '2001:db8::7', 1)).toBe('2001:db8::7');
  });

  it('never reads the entries a client wrote before the proxy appended its own', () => {
    expect(forwardedClient(PEER, '198.51.100.1, 203.0.113.7', 1)).toBe('203.0.113.7');
    expect(forwardedClient(PEER, 'not an address,,  , 203.0.113.7', 1)).toBe('203.0.113.7');
  });

  it('reads repeated headers as one list, in order', () => {
    expect(forwardedClient(PEER, ['198.51.100.1', '203.0.113.7'], 1)).toBe('203.0.113.7');
  });

  it('takes spaces around entries as the list syntax allows', () => {
    expect(forwardedClient(PEER, '198.51.100.1 ,  203.0.113.7  ', 1)).toBe('203.0.113.7');
  });

  it('falls back to the peer when the header is absent, empty, or its proxy entry is no bare IP address', () => {
    for (const header of [undefined, '', ' ', '203.0.113.7,', 'unknown', '203.0.113.7:4711', '[2001:db8::7]', '203.0.113', 'example.org'])
      expect(forwardedClient(PEER, header, 1), String(header)).toBe(PEER);
  });
});

describe('forwardedClient behind a chain of trusted proxies', () => {
  it('is the entry the farthest trusted proxy appended, counted from the right', () => {
    // client 203.0.113.7 → CDN (appends it) → HAProxy (appends the CDN's 192.0.2.10) → node
    expect(forwardedClient(PEER, '203.0.113.7, 192.0.2.10', 2)).toBe('203.0.113.7');
    expect(forwardedClient(PEER, '198.51.100.1, 203.0.113.7, 192.0.2.10', 2)).toBe('203.0.113.7');
  });

  it('falls back to the peer when fewer proxies appended than are trusted', () => {
    expect(forwardedClient(PEER, '192.0.2.10', 2)).toBe(PEER);
  });
});

describe('clientKey', () => {
  it('keys the forwarded address as a peer address is keyed: IPv6 by /64, IPv4-mapped unwrapped', () => {
    expect(clientKey(PEER, '2001:db8:aa:1::1', 1)).toBe('2001:db8:aa:1::/64');
    expect(clientKey(PEER, '::ffff:203.0.113.7', 1)).toBe('203.0.113.7');
    expect(clientKey('::ffff:10.0.0.2', 'junk', 1)).toBe(PEER);
  });

  it('is "unknown" when neither a peer nor a believed header names one', () => {
    expect(clientKey(undefined, undefined, 0)).toBe('unknown');
  });
});
