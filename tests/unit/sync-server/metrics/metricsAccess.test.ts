import { describe, expect, it } from 'vitest';
import { isLoopbackAddress, metricsAccess, type ScrapeRequest } from '../../../../sync-server/metrics/metricsAccess';

const TOKEN = 'a-metrics-token-of-some-length';
const same = (a: string, b: string): boolean => a === b;
const request = (over: Partial<ScrapeRequest> = {}): ScrapeRequest => ({
  remoteAddress: '127.0.0.1',
  forwarded: false,
  authorization: undefined,
  ...over,
});

describe('who may scrape /metrics', () => {
  it('lets this machine in without a token, over IPv4, IPv6 and mapped addresses', () => {
    for (const remoteAddress of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'])
      expect(metricsAccess(request({ remoteAddress }), null, same)).toBe('allow');
  });

  it('keeps other machines out when no token is set, and asks them for it when one is', () => {
    for (const remoteAddress of ['10.0.0.5', '192.168.1.20', '::ffff:10.0.0.5', 'fe80::1', undefined]) {
      expect(metricsAccess(request({ remoteAddress }), null, same)).toBe('local_only');
      expect(metricsAccess(request({ remoteAddress }), TOKEN, same)).toBe('token_required');
      expect(metricsAccess(request({ remoteAddress, authorization: 'Bearer wrong' }), TOKEN, same)).toBe('token_required');
      expect(metricsAccess(request({ remoteAddress, authorization: `Bearer ${TOKEN}` }), TOKEN, same)).toBe('allow');
    }
  });

  it('treats a request a proxy forwarded as from elsewhere, even when the proxy is on this machine', () => {
    expect(metricsAccess(request({ forwarded: true }), null, same)).toBe('local_only');
    expect(metricsAccess(request({ forwarded: true }), TOKEN, same)).toBe('token_required');
    expect(metricsAccess(request({ forwarded: true, authorization: `bearer ${TOKEN}` }), TOKEN, same)).toBe('allow');
  });

  it('never takes a token when none is configured', () => {
    expect(metricsAccess(request({ remoteAddress: '10.0.0.5', authorization: 'Bearer ' }), null, same)).toBe('local_only');
  });

  it('knows loopback from addresses that only look like it', () => {
    expect(isLoopbackAddress('127.0.0.1')).toBe(true);
    expect(isLoopbackAddress('1127.0.0.1')).toBe(false);
    expect(isLoopbackAddress('::2')).toBe(false);
  });
});
