import { describe, expect, it } from 'vitest';
import { DEFAULT_TILE_URL } from '../../../../shared/map/tiles';
import { loadConfig } from '../../../../sync-server/config';
import { contentSecurityPolicy, tileSource } from '../../../../sync-server/routes/contentSecurityPolicy';

describe('tileSource', () => {
  it('names the host of a tile URL template, a {s} subdomain as a wildcard label', () => {
    expect(tileSource(DEFAULT_TILE_URL)).toBe('https://tile.openstreetmap.org');
    expect(tileSource('https://{s}.Tile.Example.org/{z}/{x}/{y}.png?key=abc')).toBe('https://*.tile.example.org');
    expect(tileSource('http://localhost:8080/tiles/{z}/{x}/{y}.png')).toBe('http://localhost:8080');
  });

  it('needs no source for no tiles or tiles from this origin', () => {
    expect(tileSource('')).toBeNull();
    expect(tileSource('  ')).toBeNull();
    expect(tileSource('/tiles/{z}/{x}/{y}.png')).toBeNull();
  });

  it('refuses hosts no CSP source can name, and the server does not start with one', () => {
    for (const bad of [
      'https://tiles-{s}.example.org/{z}.png',
      'https://user:pw@example.org/{z}.png',
      'ftp://example.org/{z}.png',
      '//example.org/{z}.png',
      'tiles/{z}.png',
    ]) {
      expect(() => tileSource(bad), bad).toThrow(/Content-Security-Policy/);
    }
    expect(() => loadConfig({ VITE_MAP_TILE_URL: 'https://tiles-{s}.example.org/{z}.png' })).toThrow(
      /VITE_MAP_TILE_URL: .*Content-Security-Policy/,
    );
    expect(loadConfig({}).mapTileSource).toBe('https://tile.openstreetmap.org');
  });
});

describe('contentSecurityPolicy', () => {
  const connectSrc = (csp: string): string | undefined => csp.split('; ').find((d) => d.startsWith('connect-src'));

  it('lets the apps reach Firebase’s token endpoints only when they were built with a Firebase config', () => {
    expect(connectSrc(contentSecurityPolicy({ tileSource: null, firebasePush: false }))).toBe("connect-src 'self'");
    expect(connectSrc(contentSecurityPolicy({ tileSource: null, firebasePush: true }))).toBe(
      "connect-src 'self' https://firebaseinstallations.googleapis.com https://fcmregistrations.googleapis.com",
    );
    expect(loadConfig({}).firebasePush).toBe(false);
    expect(loadConfig({ VITE_FIREBASE_API_KEY: 'key' }).firebasePush).toBe(true);
  });
});
