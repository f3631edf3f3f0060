/**
 * `npm run check:bundles`: checks the build in dist/ (or the folder given) against the per-app budgets
 * and exits 1 when an app is over. It builds nothing itself; run `npm run build` first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { APP_BUDGETS } from './budgets';
import { readBuild } from './readBuild';
import { checkBudgets, failed } from './measure';
import { formatReport } from './report';

const dist = path.resolve(process.argv[2] ?? 'dist');
const manifestFile = path.join(dist, '.vite', 'manifest.json');
if (!fs.existsSync(manifestFile)) {
  console.error(`${manifestFile} not found: run \`npm run build\` first (vite.config.ts keeps build.manifest on).`);
  process.exit(2);
}
const verdicts = checkBudgets(APP_BUDGETS, readBuild(dist, APP_BUDGETS));
console.log(formatReport(verdicts));
process.exitCode = verdicts.some(failed) ? 1 : 0;
