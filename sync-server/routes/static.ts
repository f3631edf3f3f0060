import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

/** PWAs with their own shell: any path under /<app>/ that is not a file gets the app's index.html. */
const APPS = ['outlet', 'driver', 'admin', 'order', 'track'] as const;

/**
 * Serves the built client (`vite build` output) with SPA fallbacks. Text goes out as the build's brotli or
 * gzip copy when the browser takes one (scripts/precompress): a cheap phone on a slow link downloads a
 * quarter of the bytes. Hashed assets are cached for good; pages and the service worker are revalidated.
 */
export function staticRoutes(staticDir: string): Hono {
  const root = path.relative(process.cwd(), staticDir) || '.';
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    // A cache between here and the browser must keep the encodings apart, compressed or not.
    if (c.res.headers.has('content-type') && !c.res.headers.get('vary')?.includes('Accept-Encoding'))
      c.header('Vary', 'Accept-Encoding', { append: true });
  });
  app.use('/sw.js', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-cache');
  });
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });
  app.use('*', serveStatic({ root, precompressed: true }));
  for (const name of APPS) {
    const index = path.join(staticDir, name, 'index.html');
    const shell = serveStatic({ root, path: path.join(name, 'index.html'), precompressed: true });
    app.get(`/${name}`, (c) => c.redirect(`/${name}/`));
    app.get(`/${name}/*`, async (c, next) => {
      if (!fs.existsSync(index)) return c.json({ error: { code: 'not_built', message: 'Run `npm run build` first.' } }, 404);
      c.header('Cache-Control', 'no-cache');
      return shell(c, next);
    });
  }
  // The landing page: one link per app, for someone who opened the server's address and nothing more.
  const home = serveStatic({ root, path: path.join('home', 'index.html'), precompressed: true });
  app.get('/', async (c, next) => {
    c.header('Cache-Control', 'no-cache');
    return home(c, next);
  });
  return app;
}
