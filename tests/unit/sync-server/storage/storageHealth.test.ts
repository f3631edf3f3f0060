import { describe, expect, it } from 'vitest';
import type { StorageFailure } from '../../../../sync-server/storage/storageFailure';
import { StorageHealth, type StorageProbe } from '../../../../sync-server/storage/storageHealth';

class StorageSays extends Error {
  constructor(readonly failure: StorageFailure) {
    super(`storage: ${failure}`);
  }
}

/** A probe whose heartbeats answer what the test says, counting them; each waits for `release` when held. */
class ScriptedProbe implements StorageProbe {
  heartbeats = 0;
  next: StorageFailure | 'ok' | 'bug' = 'ok';
  problems: string[] | StorageFailure = [];
  private held: (() => void)[] = [];
  holding = false;

  integrity(): Promise<string[]> {
    return typeof this.problems === 'string' ? Promise.reject(new StorageSays(this.problems)) : Promise.resolve(this.problems);
  }

  async heartbeat(): Promise<void> {
    this.heartbeats += 1;
    const answer = this.next;
    if (this.holding) await new Promise<void>((resolve) => this.held.push(resolve));
    if (answer === 'bug') throw new TypeError('not about storage');
    if (answer !== 'ok') throw new StorageSays(answer);
  }

  failureOf(err: unknown): StorageFailure | null {
    return err instanceof StorageSays ? err.failure : null;
  }

  release(): void {
    this.holding = false;
    for (const resolve of this.held.splice(0)) resolve();
  }
}

const setUp = (): { probe: ScriptedProbe; health: StorageHealth } => {
  const probe = new ScriptedProbe();
  return { probe, health: new StorageHealth(probe, 1000) };
};

describe('StorageHealth', () => {
  it('probes at most once a second, answering from the last probe in between, as storage fails and recovers', async () => {
    const { probe, health } = setUp();
    const answers: string[] = [];
    for (const [at, next] of [
      [0, 'ok'],
      [500, 'full'],
      [1000, 'full'],
      [1999, 'ok'],
      [2000, 'ok'],
      [3500, 'read_only'],
      [4499, 'ok'],
      [4500, 'ok'],
    ] as const) {
      probe.next = next;
      answers.push(await health.status(at));
    }
    expect(answers).toEqual(['ok', 'ok', 'full', 'full', 'ok', 'read_only', 'read_only', 'ok']);
    expect(probe.heartbeats).toBe(5);
  });

  it('runs one probe for everyone who asks while it is under way', async () => {
    const { probe, health } = setUp();
    probe.holding = true;
    probe.next = 'failed';
    const asked = [health.status(0), health.status(10), health.status(2000)];
    probe.release();
    expect(await Promise.all(asked)).toEqual(['failed', 'failed', 'failed']);
    expect(probe.heartbeats).toBe(1);
  });

  it('probes afresh after a request met a failure, and does not keep a probe answer that was under way when it did', async () => {
    const { probe, health } = setUp();
    expect(await health.status(0)).toBe('ok');
    probe.next = 'full';
    health.noticed('full');
    expect(await health.status(10)).toBe('full');
    probe.next = 'ok';
    probe.holding = true;
    const underWay = health.status(2000);
    health.noticed('read_only');
    probe.release();
    expect(await underWay).toBe('ok');
    probe.next = 'read_only';
    expect(await health.status(2001)).toBe('read_only');
    expect(probe.heartbeats).toBe(4);
  });

  it('reports corrupt for good once the integrity check, a probe or a request found corruption', async () => {
    for (const find of [
      async (h: StorageHealth, p: ScriptedProbe) => {
        p.problems = ['*** in database main ***', 'Page 7: btreeInitPage() returns error code 11'];
        expect(await h.checkIntegrity()).toHaveLength(2);
      },
      async (h: StorageHealth, p: ScriptedProbe) => {
        p.problems = 'corrupt';
        expect(await h.checkIntegrity()).toEqual(['Error: storage: corrupt']);
      },
      async (h: StorageHealth, p: ScriptedProbe) => {
        p.next = 'corrupt';
        expect(await h.status(0)).toBe('corrupt');
      },
      (h: StorageHealth) => Promise.resolve(h.noticed('corrupt')),
    ]) {
      const { probe, health } = setUp();
      expect(await health.checkIntegrity()).toEqual([]);
      await find(health, probe);
      probe.next = 'ok';
      const before = probe.heartbeats;
      for (const at of [5000, 10_000, 60_000]) expect(await health.status(at)).toBe('corrupt');
      expect(probe.heartbeats).toBe(before);
    }
  });

  it('throws what says nothing about storage, from the probe and the integrity check, and probes again next time', async () => {
    const { probe, health } = setUp();
    probe.next = 'bug';
    await expect(health.status(0)).rejects.toThrow(TypeError);
    probe.next = 'ok';
    expect(await health.status(1)).toBe('ok');
    probe.integrity = () => Promise.reject(new RangeError('not about storage'));
    await expect(health.checkIntegrity()).rejects.toThrow(RangeError);
  });
});
