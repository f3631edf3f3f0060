import { describe, expect, it } from 'vitest';
import { appShells, navigationPattern } from '../../../../client/common/sw/appShells';

const manifest = [
  { url: 'outlet/index.html', revision: 'a1' },
  { url: 'driver/index.html', revision: 'b2' },
  { url: 'assets/outlet-abc.js', revision: null },
  { url: 'outlet/manifest.webmanifest', revision: 'c3' },
  'icons/outlet-192.png',
  { url: 'index.html', revision: 'd4' },
];

describe('appShells', () => {
  it('finds one shell per app page the build precached, and nothing else', () => {
    expect(appShells(manifest)).toEqual([
      { scope: '/outlet/', shell: '/outlet/index.html' },
      { scope: '/driver/', shell: '/driver/index.html' },
    ]);
  });

  it('accepts entries with a leading slash and plain string entries', () => {
    expect(appShells(['/track/index.html'])).toEqual([{ scope: '/track/', shell: '/track/index.html' }]);
  });
});

describe('navigationPattern', () => {
  const outlet = navigationPattern({ scope: '/outlet/', shell: '/outlet/index.html' });

  it('covers the app root with or without a slash and every path under it', () => {
    for (const path of ['/outlet', '/outlet/', '/outlet/orders/123']) expect(outlet.test(path)).toBe(true);
  });

  it('leaves other apps and look-alike paths alone', () => {
    for (const path of ['/driver/', '/outlets', '/outlet-admin/', '/api/outlet/']) expect(outlet.test(path)).toBe(false);
  });
});
