/** `npm run bench:bundles`: records each app's first-load JavaScript in bench/RESULTS.md; see scripts/bundles/. */
import fs from 'node:fs';
import path from 'node:path';
import { APP_BUDGETS } from '../../scripts/bundles/budgets';
import { checkBudgets } from '../../scripts/bundles/measure';
import { readBuild } from '../../scripts/bundles/readBuild';
import { formatReport } from '../../scripts/bundles/report';
import { gitCommit, machine } from '../sync/report';
import { readHistory } from '../sync/resultsFile';
import { END, renderSection, START } from './section';

const ROOT = path.resolve(import.meta.dirname, '../..');
const verdicts = checkBudgets(APP_BUDGETS, readBuild(path.join(ROOT, 'dist'), APP_BUDGETS));
console.log(formatReport(verdicts));

const file = path.join(ROOT, 'bench', 'RESULTS.md');
const text = fs.readFileSync(file, 'utf8');
const from = text.indexOf(START);
const to = text.indexOf(END);
const existing = from >= 0 && to > from ? text.slice(from, to + END.length) : '';
const section = renderSection({ date: new Date(), machine: machine(), commit: gitCommit(ROOT), verdicts }, readHistory(existing));
fs.writeFileSync(file, existing ? text.replace(existing, section) : `${text.trimEnd()}\n\n${section}\n`);
console.log('results written to bench/RESULTS.md');
