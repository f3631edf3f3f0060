import { describe, expect, it } from 'vitest';
import { rateLimitKey } from '../../../../sync-server/limits/addressKey';

describe('rateLimitKey', () => {
  it('keeps an IPv4 address, also when it arrives IPv4-mapped', () => {
    expect(rateLimitKey('203.0.113.7')).toBe('203.0.113.7');
    expect(rateLimitKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('puts every address of one IPv6 /64 under one key', () => {
    const key = rateLimitKey('2001:db8:aa:1::1');
    expect(key).toBe('2001:db8:aa:1::/64');
    expect(rateLimitKey('2001:0db8:00aa:0001:dead:beef:0:7')).toBe(key);
    expect(rateLimitKey('2001:db8:aa:2::1')).not.toBe(key);
  });

  it('expands a compressed IPv6 prefix before cutting it', () => {
    expect(rateLimitKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(rateLimitKey('::1')).toBe('0:0:0:0::/64');
    expect(rateLimitKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(rateLimitKey('1:2::3:4:5:1.2.3.4')).toBe('1:2:0:3::/64');
  });

  it('leaves anything that is not an IP address as it is', () => {
    expect(rateLimitKey('unknown')).toBe('unknown');
  });
});
