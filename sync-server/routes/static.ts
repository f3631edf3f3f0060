import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

/** PWAs with their own shell: any path under /<app>/ that is not a file gets the app's index.html. */
const APPS = ['outlet', 'driver', 'admin', 'order', 'track'] as const;

/** Serves the built client (`vite build` output) with SPA fallbacks; the service worker is never cached by HTTP. */
export function staticRoutes(staticDir: string): Hono {
  const root = path.relative(process.cwd(), staticDir) || '.';
  const app = new Hono();
  app.use('/sw.js', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-cache');
  });
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });
  app.use('*', serveStatic({ root }));
  for (const name of APPS) {
    const index = path.join(staticDir, name, 'index.html');
    app.get(`/${name}`, (c) => c.redirect(`/${name}/`));
    app.get(`/${name}/*`, (c) => {
      if (!fs.existsSync(index)) return c.json({ error: { code: 'not_built', message: 'Run `npm run build` first.' } }, 404);
      c.header('Cache-Control', 'no-cache');
      return c.html(fs.readFileSync(index, 'utf8'));
    });
  }
  app.get('/', (c) => c.redirect('/outlet/'));
  return app;
}
