import { describe, expect, it } from 'vitest';
import { DocPrefetch } from '../../../../sync-server/sync/prefetch';

/** A verdict as the connection's: the document it holds, or none. */
interface Verdict {
  readonly holds: string | null;
}

interface Decision {
  resolve(verdict: Verdict): void;
  reject(err: unknown): void;
  abandoned(): boolean;
}

const settle = () => new Promise((r) => setTimeout(r, 0));
const holding = (name: string): Verdict => ({ holds: name });

/** A prefetch whose decisions end when the test says, recording what it decided and released. */
function prefetchWith(limit: number) {
  const decisions = new Map<string, Decision>();
  const decided: string[] = [];
  const released: string[] = [];
  const prefetch = new DocPrefetch<Verdict>(
    (name, abandoned) =>
      new Promise<Verdict>((resolve, reject) => {
        decided.push(name);
        decisions.set(name, { resolve, reject, abandoned });
      }),
    (verdict) => {
      if (verdict.holds !== null) released.push(verdict.holds);
    },
    limit,
  );
  const decision = (name: string): Decision => {
    const found = decisions.get(name);
    if (!found) throw new Error(`${name} was never decided`);
    return found;
  };
  return { prefetch, decided, released, decision };
}

describe('DocPrefetch', () => {
  it('decides later subscriptions while an earlier one is still being decided, never more than the limit at once', async () => {
    const { prefetch, decided, decision } = prefetchWith(2);
    for (const name of ['a', 'b', 'c', 'd']) prefetch.start(name);
    expect(decided).toEqual(['a', 'b']);
    decision('b').resolve(holding('b'));
    await settle();
    expect(decided).toEqual(['a', 'b', 'c']);
    decision('a').resolve(holding('a'));
    await settle();
    expect(decided).toEqual(['a', 'b', 'c', 'd']);
  });

  it('decides a document once while it is on its way, whatever messages name it', async () => {
    const { prefetch, decided } = prefetchWith(4);
    prefetch.start('a');
    prefetch.start('a');
    await settle();
    expect(decided).toEqual(['a']);
  });

  it('hands the verdict to the handler that takes it, which owns it from then on', async () => {
    const { prefetch, released, decision } = prefetchWith(4);
    prefetch.start('a');
    prefetch.start('b');
    const early = prefetch.take('a');
    decision('a').resolve(holding('a'));
    decision('b').resolve(holding('b'));
    expect(await early).toEqual(holding('a'));
    const later = prefetch.take('b');
    expect(await later).toEqual(holding('b'));
    expect(prefetch.take('b')).toBeUndefined();
    prefetch.close();
    expect(released).toEqual([]);
  });

  it('releases every verdict nobody took when the connection closes, one still being decided as soon as it is there', async () => {
    const { prefetch, released, decision } = prefetchWith(4);
    prefetch.start('a');
    prefetch.start('b');
    decision('a').resolve(holding('a'));
    await settle();
    prefetch.close();
    expect(released).toEqual(['a']);
    expect(decision('b').abandoned()).toBe(true);
    decision('b').resolve(holding('b'));
    await settle();
    expect(released).toEqual(['a', 'b']);
  });

  it('leaves a subscription still waiting for a slot to its handler, which decides it itself', async () => {
    const { prefetch, decided, decision } = prefetchWith(1);
    prefetch.start('a');
    prefetch.start('b');
    expect(prefetch.take('b')).toBeUndefined();
    decision('a').resolve(holding('a'));
    await settle();
    expect(decided).toEqual(['a']);
  });

  it('decides nothing asked for after the connection closed', async () => {
    const { prefetch, decided } = prefetchWith(4);
    prefetch.close();
    prefetch.start('a');
    await settle();
    expect(decided).toEqual([]);
  });

  it('goes on with the subscriptions behind a failed decision, whose handler meets the failure', async () => {
    const { prefetch, decided, decision } = prefetchWith(1);
    prefetch.start('a');
    prefetch.start('b');
    decision('a').reject(new Error('storage down'));
    await settle();
    expect(decided).toEqual(['a', 'b']);
    await expect(prefetch.take('a')).rejects.toThrow('storage down');
    // Nobody takes this one: its failure is no unhandled rejection.
    decision('b').reject(new Error('storage still down'));
    prefetch.close();
    await settle();
  });
});
