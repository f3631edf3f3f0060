import { describe, expect, it } from 'vitest';
import { checkWebhookHost, isPrivateAddress, resolveWebhookHost } from '../../../../sync-server/outbox/privateAddress';

describe('webhook addresses', () => {
  it('count loopback, private, link-local, shared and mapped addresses as private', () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0']) {
      expect([address, isPrivateAddress(address)]).toEqual([address, true]);
    }
    for (const address of ['::1', '::', 'fd00::1', 'fe80::1', '::ffff:7f00:1', '::ffff:10.0.0.1', 'not-an-address']) {
      expect([address, isPrivateAddress(address)]).toEqual([address, true]);
    }
  });

  it('count public addresses as public', () => {
    for (const address of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111']) {
      expect([address, isPrivateAddress(address)]).toEqual([address, false]);
    }
  });

  it('refuse a URL whose host is a private literal unless private hosts are allowed', async () => {
    const refused = await checkWebhookHost('http://[::1]:8080/hook', false);
    expect(refused.ok ? null : refused.error.code).toBe('private_address');
    expect((await checkWebhookHost('http://[::1]:8080/hook', true)).ok).toBe(true);
    expect((await checkWebhookHost('https://93.184.216.34/hook', false)).ok).toBe(true);
  });

  it('refuse a name with one private address among public ones, and pin the first address otherwise', async () => {
    const mixed = await resolveWebhookHost('https://hooks.example/x', false, () => Promise.resolve(['93.184.216.34', '10.0.0.7']));
    expect(mixed.ok ? null : mixed.error.message).toMatch(/\(10\.0\.0\.7\)/);
    const pinned = await resolveWebhookHost('https://hooks.example/x', false, () => Promise.resolve(['2606:4700:4700::1111', '8.8.8.8']));
    expect(pinned.ok ? pinned.value : null).toEqual({ address: '2606:4700:4700::1111', family: 6 });
    const unknown = await resolveWebhookHost('https://hooks.example/x', true, () => Promise.reject(new Error('ENOTFOUND')));
    expect(unknown.ok ? null : unknown.error.code).toBe('unresolvable_host');
  });
});
