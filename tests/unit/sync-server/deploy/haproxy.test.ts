import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { durationMs } from './support/durations';
import { mappingOf, parseYaml, stringOf, type YamlMapping } from './support/yamlSubset';

const DEPLOY = path.resolve(import.meta.dirname, '../../../../sync-server/deploy');

/** haproxy.cfg as its sections ("defaults", "backend dabba_nodes", ...), each a list of directive lines. */
function sections(text: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line === '') continue;
    if (/^\S/.test(raw)) {
      current = [];
      found.set(line, current);
    } else if (current) current.push(line.replace(/\s+/g, ' '));
    else throw new Error(`a directive outside any section: ${line}`);
  }
  return found;
}

const cfg = sections(fs.readFileSync(path.join(DEPLOY, 'haproxy.cfg'), 'utf8'));
const section = (name: string): string[] => {
  const lines = cfg.get(name);
  if (!lines) throw new Error(`haproxy.cfg has no "${name}" section`);
  return lines;
};
const all = [...cfg.values()].flat();
const services = mappingOf(
  mappingOf(parseYaml(fs.readFileSync(path.join(DEPLOY, 'compose.yaml'), 'utf8')), 'compose').services,
  'services',
);
const nodes = Object.entries(services)
  .map(([name, s]) => [name, mappingOf(s, name)] as const)
  .filter(([, s]) => s.image === 'dabba:local');
const nodeEnv = (s: YamlMapping, key: string): string => stringOf(mappingOf(s.environment, 'environment')[key], key);

const setting = (lines: readonly string[], prefix: string): string => {
  const line = lines.find((l) => l.startsWith(`${prefix} `));
  if (!line) throw new Error(`no "${prefix}"`);
  return line.slice(prefix.length + 1);
};

describe('haproxy.cfg', () => {
  it('balances every compose node on its port, in HTTP mode, so WebSocket upgrades are understood', () => {
    expect(section('defaults')).toContain('mode http');
    expect(all.some((l) => /^mode tcp\b/.test(l))).toBe(false);
    const servers = section('backend dabba_nodes').filter((l) => l.startsWith('server '));
    expect(servers).toEqual(nodes.map(([name, s]) => `server ${name} ${name}:${nodeEnv(s, 'PORT')}`));
    expect(section('frontend dabba')).toContain('bind :8080');
  });

  it('passes Upgrade and Connection through untouched and keeps upgraded sockets open for long', () => {
    const touchesUpgrade = all.filter((l) => /^http-(request|response) \S*-header (Upgrade|Connection)\b/i.test(l));
    expect(touchesUpgrade).toEqual([]);
    expect(all.filter((l) => /^option (httpclose|http-server-close|forceclose)\b/.test(l))).toEqual([]);
    expect(durationMs(setting(section('defaults'), 'timeout tunnel'))).toBeGreaterThanOrEqual(10 * 60_000);
  });

  it('takes a node out on its /healthz answer before the node closes its sockets to drain', () => {
    const backend = section('backend dabba_nodes');
    expect(backend).toContain('option httpchk');
    expect(backend).toContain('http-check send meth GET uri /healthz');
    expect(backend).toContain('http-check expect status 200');
    const defaults = setting(backend, 'default-server').split(' ');
    expect(defaults).toContain('check');
    const after = (key: string): string => defaults[defaults.indexOf(key) + 1] ?? '';
    const outWithinMs = durationMs(after('inter')) * Number(after('fall'));
    for (const [name, s] of nodes) expect(outWithinMs, name).toBeLessThan(Number(nodeEnv(s, 'DABBA_DRAIN_NOTICE_MS')));
  });

  it('appends the client address to X-Forwarded-For, which the nodes key their budgets on, and sets X-Forwarded-Proto itself', () => {
    const frontend = section('frontend dabba');
    expect(frontend).toContain('option forwardfor');
    // Anything else touching X-Forwarded-For would move the entry the nodes read (the last one).
    expect(all.filter((l) => /^http-request \S*-header X-Forwarded-For\b/i.test(l))).toEqual([]);
    for (const [name, s] of nodes) expect(nodeEnv(s, 'DABBA_TRUST_PROXY'), name).toBe('1');
    // The nodes believe X-Forwarded-Proto when they trust the proxy: a client's must never reach them.
    expect(frontend).toEqual(
      expect.arrayContaining([
        'http-request set-header X-Forwarded-Proto https if { ssl_fc }',
        'http-request set-header X-Forwarded-Proto http if !{ ssl_fc }',
      ]),
    );
  });

  it('keeps the URL, which carries sign-in and tracking tokens, out of its logs', () => {
    expect(all).not.toContain('option httplog');
    const format = setting(section('defaults'), 'log-format');
    expect(format).not.toMatch(/%(\{[^}]*\})?(r|HU|HP|HPO|HQ)\b/);
  });

  it('sends a request a draining node refused to another node', () => {
    const defaults = section('defaults');
    expect(setting(defaults, 'retry-on').split(' ')).toEqual(expect.arrayContaining(['conn-failure', '503']));
    expect(defaults).toContain('option redispatch 1');
    expect(Number(setting(defaults, 'retries'))).toBeGreaterThanOrEqual(1);
  });
});
