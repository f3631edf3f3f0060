import fs from 'node:fs';
import path from 'node:path';
import { bundleServer, REPO_ROOT, SERVER_BUNDLE } from './bundleServer';

/** `npm run build:server`: the bundle `npm start` and the Docker image run (see bundleServer). */
fs.mkdirSync(path.dirname(SERVER_BUNDLE), { recursive: true });
for (const file of await bundleServer(SERVER_BUNDLE)) fs.writeFileSync(file.path, file.contents);
console.log(`built ${path.relative(REPO_ROOT, SERVER_BUNDLE)}`);
