import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../../sync-server/config';
import { durationMs } from './support/durations';
import { mappingOf, parseYaml, sequenceOf, stringOf, type YamlMapping } from './support/yamlSubset';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const DEPLOY = path.join(ROOT, 'sync-server/deploy');
const compose = mappingOf(parseYaml(fs.readFileSync(path.join(DEPLOY, 'compose.yaml'), 'utf8')), 'compose.yaml');
const services = mappingOf(compose.services, 'services');
const NODES = ['dabba-1', 'dabba-2', 'dabba-3'] as const;
const node = (name: string): YamlMapping => mappingOf(services[name], name);
const environment = (name: string): Record<string, string> =>
  Object.fromEntries(Object.entries(mappingOf(node(name).environment, `${name}.environment`)).map(([k, v]) => [k, stringOf(v, k)]));

/** Compose's interpolation of `${NAME}`, `${NAME:-default}` and `${NAME:?error}` from `env`. */
function interpolate(value: string, env: Readonly<Record<string, string>>): string {
  return value.replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_all, name: string, kind: string | undefined, arg: string | undefined) => {
    const set = env[name];
    if (set !== undefined && set !== '') return set;
    if (kind === '?') throw new Error(`${name}: ${arg ?? 'required'}`);
    return kind === '-' ? (arg ?? '') : '';
  });
}

const SECRETS = { POSTGRES_PASSWORD: 'a-database-password', JWT_SECRET: 'a-jwt-secret-of-at-least-thirty-two-chars' };

describe('compose.yaml', () => {
  it('runs three nodes of the one image built from this repository', () => {
    const images = Object.entries(services).filter(([, s]) => mappingOf(s, 'service').image === 'dabba:local');
    expect(images.map(([name]) => name).sort()).toEqual([...NODES]);
    for (const name of NODES) {
      expect(mappingOf(node(name).build, `${name}.build`)).toEqual({ context: '../..', dockerfile: 'sync-server/deploy/Dockerfile' });
    }
  });

  it('gives every node the same DATABASE_URL, REDIS_URL and JWT_SECRET, taken from the environment, and its own node id', () => {
    for (const key of ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET']) {
      const values = new Set(NODES.map((name) => environment(name)[key]));
      expect(values.size, key).toBe(1);
      expect([...values][0], key).toBeTruthy();
    }
    const env = environment('dabba-1');
    expect(env.DATABASE_URL).toMatch(/^postgres:\/\/dabba:\$\{POSTGRES_PASSWORD:\?[^}]+\}@postgres:5432\/dabba$/);
    expect(env.REDIS_URL).toBe('redis://redis:6379');
    // A secret is never written into the file: compose refuses to start without it.
    expect(env.JWT_SECRET).toMatch(/^\$\{JWT_SECRET:\?[^}]+\}$/);
    expect(() => interpolate(env.JWT_SECRET ?? '', {})).toThrow(/JWT_SECRET/);
    expect(new Set(NODES.map((name) => environment(name).DABBA_NODE_ID)).size).toBe(NODES.length);
  });

  it('configures each node with settings the server accepts and the README documents', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const documented = new Set(
      [...readme.matchAll(/^\| (`[A-Z0-9_]+`(?:, `[A-Z0-9_]+`)*) \|/gm)].flatMap((m) => m[1]?.match(/[A-Z0-9_]+/g) ?? []),
    );
    for (const name of NODES) {
      const env = Object.fromEntries(Object.entries(environment(name)).map(([k, v]) => [k, interpolate(v, SECRETS)]));
      expect(
        Object.keys(env).filter((key) => !documented.has(key)),
        `${name}: settings missing from the README table`,
      ).toEqual([]);
      const config = loadConfig(env);
      expect(config).toMatchObject({ host: '0.0.0.0', dataDir: '/data', redisUrl: 'redis://redis:6379', jwtSecret: SECRETS.JWT_SECRET });
      expect(config.drainNoticeMs).toBeGreaterThan(0);
    }
  });

  it('believes the X-Forwarded-For the balancer appends, so per-address budgets stay per client at their defaults', () => {
    const defaults = loadConfig({});
    for (const name of NODES) {
      const env = Object.fromEntries(Object.entries(environment(name)).map(([k, v]) => [k, interpolate(v, SECRETS)]));
      const config = loadConfig(env);
      // One proxy (HAProxy) appends the client's address; the nodes publish no port to be reached around it.
      expect(config.trustedProxyHops, name).toBe(1);
      expect(node(name).ports, name).toBeUndefined();
      expect({
        login: config.login.failuresPerAddress,
        hashes: config.login.hashesPerAddress,
        orders: config.ordersPerMinute,
        lookups: config.trackLookupsPerMinute,
        sockets: config.anonymousSocketsPerMinute,
      }).toEqual({
        login: defaults.login.failuresPerAddress,
        hashes: defaults.login.hashesPerAddress,
        orders: defaults.ordersPerMinute,
        lookups: defaults.trackLookupsPerMinute,
        sockets: defaults.anonymousSocketsPerMinute,
      });
    }
  });

  it('health-checks PostgreSQL, Redis and every node on /healthz, and starts all nodes at once on healthy storage', () => {
    expect(sequenceOf(mappingOf(node('postgres').healthcheck, 'postgres.healthcheck').test, 'test')).toContain('pg_isready');
    expect(sequenceOf(mappingOf(node('redis').healthcheck, 'redis.healthcheck').test, 'test')).toContain('redis-cli');
    for (const name of NODES) {
      const test = sequenceOf(mappingOf(node(name).healthcheck, `${name}.healthcheck`).test, 'test').join(' ');
      expect(test).toContain(`http://127.0.0.1:${environment(name).PORT ?? ''}/healthz`);
    }
    // No node waits for another: migrations and the demo seed serialise themselves on PostgreSQL.
    for (const name of NODES)
      expect(node(name).depends_on, name).toEqual({ postgres: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
    // The balancer waits for no node's health: its own checks keep traffic from nodes not ready yet.
    expect(node('lb').depends_on).toEqual(Object.fromEntries(NODES.map((name) => [name, { condition: 'service_started' }])));
  });

  it('lets each node drain before Docker kills it', () => {
    for (const name of NODES) {
      const drainMs = Number(environment(name).DABBA_DRAIN_TIMEOUT_MS);
      expect(durationMs(stringOf(node(name).stop_grace_period, 'stop_grace_period'))).toBeGreaterThan(drainMs);
    }
  });

  it('shares one DATA_DIR volume between the nodes, for proof and menu photos', () => {
    for (const name of NODES) expect(node(name).volumes).toEqual([`media:${environment(name).DATA_DIR ?? ''}`]);
    expect(mappingOf(compose.volumes, 'volumes')).toHaveProperty('media');
  });

  it('puts the load balancer with its config beside compose.yaml in front of the nodes', () => {
    const lb = node('lb');
    expect(stringOf(lb.image, 'lb.image')).toMatch(/^haproxy:/);
    expect(lb.volumes).toEqual(['./haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro']);
    expect(lb.ports).toEqual(['127.0.0.1:8080:8080']);
    expect(NODES.some((name) => node(name).ports !== undefined)).toBe(false);
  });
});
