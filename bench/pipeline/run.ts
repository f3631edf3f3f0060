import { parseOptions, USAGE } from './options';
import { runPipeline, type PipelineResult } from './pipeline';
import { consoleTable, sustainedRate, writeResults } from './report';

/** `npm run bench:pipeline`: one rate, or a step series (--rates), each on a fresh cluster. */
const cli = parseOptions(process.argv.slice(2));
if (cli === null) {
  console.log(USAGE);
  process.exit(0);
}
const steps: PipelineResult[] = [];
for (const rate of cli.rates) {
  const result = await runPipeline({ ...cli.base, rate }, (line) => console.log(`[${rate}/s] ${line}`));
  steps.push(result);
  console.log(consoleTable(result));
  // Past the first rate that could not be kept, higher ones only take time.
  if (!result.sustained && cli.rates.length > 1) break;
}
const best = sustainedRate(steps);
console.log(`highest sustained rate: ${best === null ? 'none' : `${best} orders/s`}`);
if (cli.resultsFile !== null) writeResults(cli.resultsFile, [{ steps }]);
