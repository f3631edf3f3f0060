import { describe, expect, it } from 'vitest';
import { LeaderDuties, type Duty } from '../../../../../sync-server/dispatch/leadership/leaderDuties';

/** A duty that records when it starts and stops, and can hold its close until told (a pass in progress). */
function recorder(log: string[], name: string): { start: () => Duty; finishPass: () => void } {
  let finish: () => void = () => undefined;
  return {
    start: () => {
      log.push(`${name} started`);
      return {
        close: () =>
          new Promise<void>((resolve) => {
            finish = () => {
              log.push(`${name} stopped`);
              resolve();
            };
          }),
      };
    },
    finishPass: () => finish(),
  };
}

describe('work only the dispatch leader does', () => {
  it('does nothing on a node that does not lead', () => {
    const log: string[] = [];
    const duties = new LeaderDuties();
    duties.add(recorder(log, 'watch').start);
    expect(log).toEqual([]);
    expect(duties.active).toBe(0);
  });

  it('starts with each term and stops with it, after the pass in progress', async () => {
    const log: string[] = [];
    const duties = new LeaderDuties();
    const watch = recorder(log, 'watch');
    duties.add(watch.start);
    duties.elected();
    duties.elected();
    expect(log).toEqual(['watch started']);

    let stopped = false;
    const deposed = duties.deposed().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    watch.finishPass();
    await deposed;
    expect(log).toEqual(['watch started', 'watch stopped']);

    duties.elected();
    expect(log).toEqual(['watch started', 'watch stopped', 'watch started']);
  });

  it('starts a duty added while leading at once', () => {
    const log: string[] = [];
    const duties = new LeaderDuties();
    duties.elected();
    duties.add(recorder(log, 'pruner').start);
    expect(log).toEqual(['pruner started']);
    expect(duties.active).toBe(1);
  });
});
