import { dropAbandonedDatabases } from '../cluster/cluster';
import { parseOptions, USAGE } from './options';
import { runPipeline, type PipelineResult } from './pipeline';
import { consoleTable, sustainedRate, writeResults, type Series } from './report';

/** `npm run bench:pipeline`: one rate, or a step series (--rates), each step on a fresh cluster; per node count (--nodes 1,3). */
const cli = parseOptions(process.argv.slice(2));
if (cli === null) {
  console.log(USAGE);
  process.exit(0);
}
await dropAbandonedDatabases();
const series: Series[] = [];
for (const nodes of cli.nodeCounts) {
  const steps: PipelineResult[] = [];
  for (const rate of cli.rates) {
    const result = await runPipeline(
      { ...cli.base, nodes, rate },
      (line) => console.log(`[${nodes} node(s), ${rate}/s] ${line}`),
      cli.serverProfDir,
    );
    steps.push(result);
    console.log(consoleTable(result));
    // Past the first rate that could not be kept, higher ones only take time.
    if (!result.sustained && cli.rates.length > 1) break;
  }
  const best = sustainedRate(steps);
  console.log(`${nodes} node(s): highest sustained rate ${best === null ? 'none' : `${best} orders/s`}`);
  series.push({ steps });
}
if (cli.resultsFile !== null) writeResults(cli.resultsFile, series);
