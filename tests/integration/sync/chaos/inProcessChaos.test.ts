import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectConverged } from './chaosChecks';
import { shapeArb, stepArb } from './chaosSteps';
import { ChaosWorld } from './chaosWorld';
import { REGRESSIONS } from './regressions';

/**
 * Runs per CI run: the whole file stays well under a minute on two cores. DABBA_CHAOS_RUNS=1000 for
 * the full count; DABBA_CHAOS_SEED (and DABBA_CHAOS_PATH) replay a failure.
 */
const RUNS = Number(process.env.DABBA_CHAOS_RUNS ?? 200);
const SEED = process.env.DABBA_CHAOS_SEED !== undefined ? Number(process.env.DABBA_CHAOS_SEED) : Date.now() % 2 ** 31;
const PATH = process.env.DABBA_CHAOS_PATH;

const scenarioArb = fc.record({ shape: shapeArb, steps: fc.array(stepArb, { minLength: 20, maxLength: 200, size: 'max' }) });

describe('chaos: devices, partitions, duplicates and kill -9 across compaction points', () => {
  // The seed is in the name: a run that times out is reported by its name alone, and DABBA_CHAOS_SEED replays it.
  it(
    `converges every replica to the same valid state with no ACKed update missing (seed ${SEED})`,
    async () => {
      const totals = { kills: 0, acked: 0, compactions: 0, rejects: new Map<string, number>() };
      const details = await fc.check(
        fc.asyncProperty(scenarioArb, async ({ shape, steps }) => {
          const world = await ChaosWorld.start(shape);
          try {
            for (const step of steps) {
              await world.apply(step);
              await world.afterStep();
            }
            await world.settle();
            await world.afterStep();
            await expectConverged(world);
            totals.kills += world.kills;
            totals.compactions += world.compactions;
            for (const updates of world.acked.values()) totals.acked += updates.length;
            for (const d of world.devices) for (const [code, n] of d.rejects) totals.rejects.set(code, (totals.rejects.get(code) ?? 0) + n);
          } finally {
            await world.dispose();
          }
        }),
        {
          numRuns: RUNS,
          seed: SEED,
          examples: REGRESSIONS.map((r) => [{ shape: r.shape, steps: [...r.steps] }]),
          ...(PATH ? { path: PATH } : {}),
        },
      );
      if (details.failed) {
        const replay = `replay with DABBA_CHAOS_SEED=${details.seed}${details.counterexamplePath ? ` DABBA_CHAOS_PATH=${details.counterexamplePath}` : ''}`;
        const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
        throw new Error(`${fc.defaultReportMessage(details) ?? 'the chaos property failed'}\n${cause}\n${replay}`);
      }
      console.info(
        `chaos: ${RUNS} runs (seed ${SEED}), ${totals.kills} kills, ${totals.compactions} compactions, ${totals.acked} ACKs, rejects ${JSON.stringify(Object.fromEntries(totals.rejects))}`,
      );
      // A suite that never killed, compacted or got an ACK through would prove nothing.
      expect(totals.kills).toBeGreaterThan(RUNS);
      expect(totals.compactions).toBeGreaterThan(RUNS);
      expect(totals.acked).toBeGreaterThan(RUNS * 10);
    },
    Math.max(60_000, RUNS * 2_000),
  );
});
