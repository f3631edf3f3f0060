import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDabbaDb } from '../../../../client/common/store/db';
import { appendUpdate, markSynced, oldestUnsyncedAt } from '../../../../client/common/store/updateLog';

let serial = 0;
const update = new Uint8Array([0, 0]);

describe('oldestUnsyncedAt', () => {
  afterEach(() => vi.useRealTimers());

  it('is when the first change still waiting for an ACK was written, whatever the clock did after, and null when none waits', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const db = openDabbaDb(`update-log-test-${++serial}`);
    expect(await oldestUnsyncedAt(db)).toBeNull();
    vi.setSystemTime(1_000);
    await appendUpdate(db, 'order:o1', update, false);
    vi.setSystemTime(5_000);
    const first = await appendUpdate(db, 'order:o1', update, true);
    // The clock was set back before the next change.
    vi.setSystemTime(3_000);
    await appendUpdate(db, 'outlet:x', update, true);
    expect(await oldestUnsyncedAt(db)).toBe(5_000);
    await markSynced(db, first);
    expect(await oldestUnsyncedAt(db)).toBe(3_000);
  });
});
