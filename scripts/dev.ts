/**
 * `npm run dev`: the API and sync socket on API_PORT (8787), and the Vite
 * dev server (5173) with hot reload proxying /api and /sync to it. The service worker is only
 * registered by production builds; use `npm start` to try the apps offline.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'vite';

const apiPort = process.env.API_PORT ?? '8787';
const api = spawn(process.execPath, ['--import', 'tsx', 'sync-server/main.ts'], {
  env: { ...process.env, PORT: apiPort },
  stdio: 'inherit',
});

const vite = await createServer({ configFile: 'vite.config.ts', server: { port: Number(process.env.VITE_PORT ?? 5173) } });
await vite.listen();
vite.printUrls();
console.log(`API on http://localhost:${apiPort}; open http://localhost:${vite.config.server.port}/outlet/`);

const stop = (): void => {
  api.kill('SIGTERM');
  void vite.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
api.on('exit', (code) => {
  if (code !== null && code !== 0) console.error(`the API exited with ${code}`);
});
