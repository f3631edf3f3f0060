import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { busyMinutes, isAvailable, takingOrders } from '../../../../../shared/catalog/outletDoc';
import type { OutletId } from '../../../../../shared/ids';
import {
  endBusy,
  markAvailable,
  markUnavailable,
  pauseOrders,
  resumeOrders,
  startBusy,
} from '../../../../../client/common/catalog/outletCommands';
import { DRIVER1_ACTOR, OTHER_OUTLET_ID, OUTLET_ACTOR, OUTLET_ID } from '../../../shared/order/fixtures';
import { docsOf } from '../../support/orderDocs';
import { catalogOf, OUTLET_DOC, outletDoc } from '../../support/outletFixtures';

const NOW = 1_700_000_000_000;
const HOUR = 3_600_000;

function held(doc: Y.Doc = outletDoc()) {
  return { doc, ctx: { actor: OUTLET_ACTOR, docs: docsOf({ [OUTLET_DOC]: doc }) } };
}

describe('marking items unavailable ("86")', () => {
  it('marks an item unavailable until a time, and it is available again after that time', () => {
    const { doc, ctx } = held();
    expect(markUnavailable(ctx, OUTLET_ID, 'chai', NOW + HOUR, NOW)).toEqual({ ok: true });
    expect(doc.getMap('availability').get('chai')).toEqual({ available: false, until: NOW + HOUR, at: NOW });
    expect(isAvailable(catalogOf(doc), 'chai', NOW + HOUR - 1)).toBe(false);
    expect(isAvailable(catalogOf(doc), 'chai', NOW + HOUR)).toBe(true);
  });

  it('marks a modifier option unavailable until someone brings it back', () => {
    const { doc, ctx } = held();
    expect(markUnavailable(ctx, OUTLET_ID, 'large', null, NOW)).toEqual({ ok: true });
    expect(doc.getMap('availability').get('large')).toEqual({ available: false, at: NOW });
    expect(isAvailable(catalogOf(doc), 'large', NOW + 1000 * HOUR)).toBe(false);
  });

  it('brings an item back by removing its entry', () => {
    const { doc, ctx } = held();
    markUnavailable(ctx, OUTLET_ID, 'chai', null, NOW);
    expect(markAvailable(ctx, OUTLET_ID, 'chai')).toEqual({ ok: true });
    expect(doc.getMap('availability').has('chai')).toBe(false);
  });

  it('refuses ids that are not on the menu, end times in the past, and other outlets, without writing', () => {
    const { doc, ctx } = held();
    const before = Y.encodeStateVector(doc);
    expect(markUnavailable(ctx, OUTLET_ID, 'biryani', null, NOW).ok).toBe(false);
    expect(markUnavailable(ctx, OUTLET_ID, 'chai', NOW - 1, NOW)).toEqual({
      ok: false,
      error: { code: 'refused', message: 'The end time must be in the future.' },
    });
    expect(markUnavailable(ctx, OTHER_OUTLET_ID, 'chai', null, NOW).ok).toBe(false);
    expect(markUnavailable({ ...ctx, actor: DRIVER1_ACTOR }, OUTLET_ID, 'chai', null, NOW).ok).toBe(false);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('says so when the outlet document has not reached the device', () => {
    const outcome = markUnavailable({ actor: OUTLET_ACTOR, docs: docsOf({}) }, OUTLET_ID, 'chai', null, NOW);
    expect(outcome).toEqual({ ok: false, error: { code: 'refused', message: 'The outlet’s menu is not on this device yet.' } });
    const empty = markUnavailable({ actor: OUTLET_ACTOR, docs: docsOf({ [OUTLET_DOC]: new Y.Doc() }) }, OUTLET_ID, 'chai', null, NOW);
    expect(empty.ok).toBe(false);
  });
});

describe('busy mode and pausing', () => {
  it('adds extra prep minutes until the end time, then none', () => {
    const { doc, ctx } = held();
    expect(startBusy(ctx, OUTLET_ID, 20, NOW + HOUR, NOW)).toEqual({ ok: true });
    expect(busyMinutes(catalogOf(doc), NOW)).toBe(20);
    expect(busyMinutes(catalogOf(doc), NOW + HOUR)).toBe(0);
    expect(endBusy(ctx, OUTLET_ID)).toEqual({ ok: true });
    expect(busyMinutes(catalogOf(doc), NOW)).toBe(0);
  });

  it('refuses busy minutes outside 5–120 and an end time in the past', () => {
    const { ctx } = held();
    expect(startBusy(ctx, OUTLET_ID, 3, NOW + HOUR, NOW)).toEqual({
      ok: false,
      error: { code: 'refused', message: 'Busy mode adds 5 to 120 minutes.' },
    });
    expect(startBusy(ctx, OUTLET_ID, 121, NOW + HOUR, NOW).ok).toBe(false);
    expect(startBusy(ctx, OUTLET_ID, 10, NOW, NOW).ok).toBe(false);
  });

  it('pauses new orders with a reason until the end time, and resumes them', () => {
    const { doc, ctx } = held();
    expect(pauseOrders(ctx, OUTLET_ID, NOW + HOUR, 'Kitchen is full', NOW)).toEqual({ ok: true });
    const paused = takingOrders(catalogOf(doc), NOW);
    expect(paused.ok).toBe(false);
    expect(paused.ok ? '' : paused.error.message).toContain('Kitchen is full');
    expect(takingOrders(catalogOf(doc), NOW + HOUR).ok).toBe(true);
    expect(resumeOrders(ctx, OUTLET_ID)).toEqual({ ok: true });
    expect(takingOrders(catalogOf(doc), NOW).ok).toBe(true);
  });

  it('pauses until someone resumes when there is no end time', () => {
    const { doc, ctx } = held();
    pauseOrders(ctx, OUTLET_ID, null, 'Short of staff', NOW);
    expect(takingOrders(catalogOf(doc), NOW + 1000 * HOUR).ok).toBe(false);
  });

  it('refuses to pause another outlet', () => {
    const { ctx } = held();
    expect(pauseOrders(ctx, 'elsewhere' as OutletId, null, '', NOW).ok).toBe(false);
  });
});
