import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { AlertDesk } from '../../../../../../client/admin/model/alerts/alertDesk';
import type { Problem } from '../../../../../../client/admin/model/alerts/problems';
import { openDabbaDb } from '../../../../../../client/common/store/db';

const problem = (key: string): Problem => ({ key, kind: 'late', orderId: null, outletId: null, text: key, since: 0 });
const HOUR = 3_600_000;

describe('AlertDesk', () => {
  it('raises a problem once, also across a reload, and forgets marks after two days', async () => {
    const db = openDabbaDb('alert-desk-test-1');
    const desk = await AlertDesk.open(db, 0);
    expect(desk.raise([problem('a'), problem('b')], 0).map((p) => p.key)).toEqual(['a', 'b']);
    expect(desk.raise([problem('a'), problem('c')], 10 * HOUR).map((p) => p.key)).toEqual(['c']);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const reloaded = await AlertDesk.open(db, 11 * HOUR);
    expect(reloaded.raise([problem('a'), problem('c')], 11 * HOUR)).toEqual([]);
    const later = await AlertDesk.open(db, 49 * HOUR);
    expect(later.raise([problem('a'), problem('c')], 49 * HOUR).map((p) => p.key)).toEqual(['a']);
  });

  it('keeps what the admin dismissed dismissed, and never raises it again', async () => {
    const db = openDabbaDb('alert-desk-test-2');
    const desk = await AlertDesk.open(db, 0);
    desk.dismiss('a', 0);
    expect(desk.isDismissed('a')).toBe(true);
    expect(desk.raise([problem('a')], 0)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await AlertDesk.open(db, HOUR)).isDismissed('a')).toBe(true);
  });
});
