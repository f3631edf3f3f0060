import { describe, expect, it } from 'vitest';
import { demoBanner, demoLoginsAllowed, isLoopbackHost } from '../../../../sync-server/seed/demoExposure';

describe('isLoopbackHost', () => {
  it('knows the addresses that reach this machine only', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', '::1', '[::1]', '::ffff:127.0.0.1'])
      expect(isLoopbackHost(host), host).toBe(true);
    for (const host of [
      '0.0.0.0',
      '::',
      '192.168.1.20',
      '10.0.0.5',
      'example.com',
      '128.0.0.1',
      '::ffff:10.0.0.1',
      '127.0.0.1.example.com',
    ]) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });
});

describe('demo logins', () => {
  it('are allowed on loopback, and off it only when asked for', () => {
    expect(demoLoginsAllowed({ host: '127.0.0.1', demoPublic: false })).toBe(true);
    expect(demoLoginsAllowed({ host: '0.0.0.0', demoPublic: false })).toBe(false);
    expect(demoLoginsAllowed({ host: '::', demoPublic: true })).toBe(true);
  });

  it('get a banner whenever demo accounts sit on a server reachable from the network, and only then', () => {
    const accounts = ['admin@dabba.local'];
    expect(demoBanner({ host: '127.0.0.1', demoPublic: false, accounts })).toBeNull();
    expect(demoBanner({ host: '0.0.0.0', demoPublic: false, accounts: [] })).toBeNull();
    expect(demoBanner({ host: '0.0.0.0', demoPublic: false, accounts })).toContain('DEMO LOGINS ARE DISABLED');
    expect(demoBanner({ host: '192.168.1.20', demoPublic: true, accounts })).toContain('OPEN TO THE NETWORK');
  });
});
