/** `npm run bench:bundles`: records each app's first-load JavaScript in bench/RESULTS.md; see scripts/bundles/. */
import path from 'node:path';
import { APP_BUDGETS } from '../../scripts/bundles/budgets';
import { checkBudgets } from '../../scripts/bundles/measure';
import { readBuild } from '../../scripts/bundles/readBuild';
import { formatReport } from '../../scripts/bundles/report';
import { gitCommit, machine } from '../sync/report';
import { writeSection } from '../sync/resultsFile';
import { END, renderSection, START } from './section';

const ROOT = path.resolve(import.meta.dirname, '../..');
const verdicts = checkBudgets(APP_BUDGETS, readBuild(path.join(ROOT, 'dist'), APP_BUDGETS));
console.log(formatReport(verdicts));

const file = path.join(ROOT, 'bench', 'RESULTS.md');
writeSection(file, START, END, (history) =>
  renderSection({ date: new Date(), machine: machine(), commit: gitCommit(ROOT), verdicts }, history),
);
console.log('results written to bench/RESULTS.md');
