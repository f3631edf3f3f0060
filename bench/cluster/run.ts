import { stepTable } from '../pipeline/report';
import { ensureFdLimit } from '../sync/fdLimit';
import { gitCommit, machine, machineLine } from '../sync/report';
import { optionsOrExit } from '../sync/options';
import { REPO_ROOT } from '../sync/serverProcess';
import { dropAbandonedDatabases } from './cluster';
import { lostUpdates, runFanoutSetup, type SetupResult } from './fanoutPart';
import { fanoutTable, loadLine } from './fanoutReport';
import { parseOptions, USAGE, type ClusterOptions } from './options';
import { runPipelineSetup, type PipelineSetup } from './pipelinePart';
import { goalLine, pipelineLoadLine, pipelineSummary } from './pipelineReport';
import { runReconnect } from './reconnect/reconnectPart';
import { reconnectPassed, reconnectTable } from './reconnect/reconnectReport';
import { writeFanout, writePipeline, writeReconnect } from './resultsFile';
import { consoleText } from './table';

/**
 * `npm run bench:cluster` (issue 11): the same device fleet against one node and against several sharing
 * PostgreSQL and Redis, a device catching up on its orders after hours offline, and the whole order pipeline
 * in sustained orders/s on each setup. See bench/RESULTS.md. Each part is a function here.
 */

const log = (line: string): void => console.log(`[bench:cluster] ${line}`);

/** Runs every fan-out setup in turn; true when none lost an update. */
async function fanoutPart(options: ClusterOptions): Promise<boolean> {
  const host = machine();
  const results: SetupResult[] = [];
  for (const spec of options.setups) results.push(await runFanoutSetup(spec, options, host, log));
  const date = new Date();
  const commit = gitCommit(REPO_ROOT);
  console.log(`\nbench:cluster fan-out  ${date.toISOString()}  commit ${commit}`);
  console.log(machineLine({ machine: host }));
  console.log(loadLine(options));
  console.log(`${consoleText(fanoutTable(results))}\n`);
  if (options.resultsFile) {
    writeFanout(options.resultsFile, date, host, commit, options, results);
    log(`wrote the fan-out results to ${options.resultsFile}`);
  }
  return results.every((r) => lostUpdates(r) === 0);
}

/** True when the device caught up in time, with few enough bytes and equal to the server. */
async function reconnectPart(options: ClusterOptions): Promise<boolean> {
  const host = machine();
  const result = await runReconnect(options, host, log);
  const commit = gitCommit(REPO_ROOT);
  console.log(`\nbench:cluster reconnect  ${result.date.toISOString()}  commit ${commit}`);
  console.log(machineLine({ machine: host }));
  console.log(`${consoleText(reconnectTable(result, options))}\n`);
  if (options.resultsFile) {
    writeReconnect(options.resultsFile, host, commit, options, result);
    log(`wrote the reconnect results to ${options.resultsFile}`);
  }
  return reconnectPassed(result, options);
}

/** Steps every setup through the pipeline rates. Reports against the goal but never fails the run: it is a measure. */
async function pipelinePart(options: ClusterOptions): Promise<void> {
  const host = machine();
  const date = new Date();
  const setups: PipelineSetup[] = [];
  for (const spec of options.setups) setups.push(await runPipelineSetup(spec, options, log));
  const commit = gitCommit(REPO_ROOT);
  console.log(`\nbench:cluster pipeline  ${date.toISOString()}  commit ${commit}`);
  console.log(machineLine({ machine: host }));
  console.log(pipelineLoadLine(options));
  console.log(consoleText(pipelineSummary(setups)));
  for (const s of setups) console.log(`\nEvery rate tried on ${s.name}:\n${consoleText(stepTable(s.steps))}`);
  console.log(`\n${goalLine(setups)}\n`);
  if (options.resultsFile) {
    writePipeline(options.resultsFile, date, host, commit, options, setups);
    log(`wrote the pipeline results to ${options.resultsFile}`);
  }
}

async function main(): Promise<void> {
  const options = optionsOrExit(() => parseOptions(process.argv.slice(2)), USAGE);
  if (!options) return;
  ensureFdLimit(options.devices + 500);
  await dropAbandonedDatabases();
  if (options.parts.has('fanout') && !(await fanoutPart(options))) {
    log('updates were lost');
    process.exitCode = 1;
  }
  if (options.parts.has('reconnect') && !(await reconnectPart(options))) log('reconnect target missed');
  if (options.parts.has('pipeline')) await pipelinePart(options);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
