import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../sync-server/config';

const SECRET = 'a-secret-of-at-least-thirty-two-chars!';

describe('storage configuration', () => {
  it('stores in SQLite under DATA_DIR when DATABASE_URL is absent', () => {
    expect(loadConfig({ DATA_DIR: '/srv/dabba' }).databaseUrl).toBeNull();
  });

  it('takes a postgres:// or postgresql:// DATABASE_URL, with the shared JWT_SECRET every node needs', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://dabba@db:5432/dabba', JWT_SECRET: SECRET }).databaseUrl).toBe(
      'postgres://dabba@db:5432/dabba',
    );
    expect(loadConfig({ DATABASE_URL: ' postgresql://db/dabba ', JWT_SECRET: SECRET }).databaseUrl).toBe('postgresql://db/dabba');
  });

  it('refuses another kind of URL, naming the variable', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db/dabba', JWT_SECRET: SECRET })).toThrow(
      /DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL/,
    );
  });

  it('refuses DATABASE_URL without JWT_SECRET: each node would otherwise generate its own', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/dabba' })).toThrow(/JWT_SECRET: required with DATABASE_URL/);
  });
});

describe('drain configuration', () => {
  it('drains within 10 s with no notice by default', () => {
    const config = loadConfig({});
    expect(config.drainTimeoutMs).toBe(10_000);
    expect(config.drainNoticeMs).toBe(0);
  });

  it('takes a notice for the load balancer and a bound for the whole drain', () => {
    const config = loadConfig({ DABBA_DRAIN_NOTICE_MS: '3000', DABBA_DRAIN_TIMEOUT_MS: '15000' });
    expect(config.drainNoticeMs).toBe(3_000);
    expect(config.drainTimeoutMs).toBe(15_000);
  });

  it('refuses a notice that leaves no time within the bound to close sockets and flush', () => {
    expect(() => loadConfig({ DABBA_DRAIN_NOTICE_MS: '10000' })).toThrow(
      /DABBA_DRAIN_NOTICE_MS: must be shorter than DABBA_DRAIN_TIMEOUT_MS/,
    );
  });

  it('refuses a bound under a second, naming the variable', () => {
    expect(() => loadConfig({ DABBA_DRAIN_TIMEOUT_MS: '500' })).toThrow(/DABBA_DRAIN_TIMEOUT_MS/);
  });
});

describe('dispatch leadership configuration', () => {
  it('leases dispatch for 3 s unless told otherwise, and takes 300 ms to a minute', () => {
    expect(loadConfig({}).dispatchLeaseMs).toBe(3_000);
    expect(loadConfig({ DABBA_DISPATCH_LEASE_MS: '1500' }).dispatchLeaseMs).toBe(1_500);
    expect(() => loadConfig({ DABBA_DISPATCH_LEASE_MS: '100' })).toThrow(/DABBA_DISPATCH_LEASE_MS/);
    expect(() => loadConfig({ DABBA_DISPATCH_LEASE_MS: '120000' })).toThrow(/DABBA_DISPATCH_LEASE_MS/);
  });
});

describe('proxy configuration', () => {
  it('ignores X-Forwarded-For by default, also when only the number of hops is set', () => {
    expect(loadConfig({}).trustedProxyHops).toBe(0);
    expect(loadConfig({ DABBA_TRUSTED_PROXY_HOPS: '2' }).trustedProxyHops).toBe(0);
  });

  it('believes one proxy with DABBA_TRUST_PROXY=1, and a chain with DABBA_TRUSTED_PROXY_HOPS', () => {
    expect(loadConfig({ DABBA_TRUST_PROXY: '1' }).trustedProxyHops).toBe(1);
    expect(loadConfig({ DABBA_TRUST_PROXY: '1', DABBA_TRUSTED_PROXY_HOPS: '2' }).trustedProxyHops).toBe(2);
  });

  it('refuses no hops or more than five, naming the variable', () => {
    for (const hops of ['0', '6', 'x'])
      expect(() => loadConfig({ DABBA_TRUST_PROXY: '1', DABBA_TRUSTED_PROXY_HOPS: hops })).toThrow(/DABBA_TRUSTED_PROXY_HOPS/);
  });
});

describe('card payment configuration', () => {
  it('offers card only with both Stripe keys', () => {
    expect(loadConfig({}).stripe).toBeNull();
    expect(loadConfig({ STRIPE_SECRET_KEY: 'sk_test_1' }).stripe).toBeNull();
    expect(loadConfig({ STRIPE_WEBHOOK_SECRET: 'whsec_1' }).stripe).toBeNull();
    expect(loadConfig({ STRIPE_SECRET_KEY: 'sk_test_1', STRIPE_WEBHOOK_SECRET: 'whsec_1' }).stripe).toEqual({
      secretKey: 'sk_test_1',
      webhookSecret: 'whsec_1',
      apiBase: null,
    });
  });

  it('points the Stripe SDK at DABBA_STRIPE_API_BASE and refuses one that is not an http(s) URL', () => {
    const config = loadConfig({ STRIPE_SECRET_KEY: 'sk', STRIPE_WEBHOOK_SECRET: 'wh', DABBA_STRIPE_API_BASE: 'http://127.0.0.1:4242' });
    expect(config.stripe?.apiBase?.port).toBe('4242');
    expect(() => loadConfig({ DABBA_STRIPE_API_BASE: 'ftp://stripe.local' })).toThrow(/DABBA_STRIPE_API_BASE/);
  });
});
