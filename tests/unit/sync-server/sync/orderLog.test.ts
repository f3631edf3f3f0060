import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocRef } from '../../../../shared/docNames';
import { EventIdSchema, type OrderId } from '../../../../shared/ids';
import { parseOrderEvent } from '../../../../shared/order/events';
import { createOrderDoc, eventsArray } from '../../../../shared/order/orderDoc';
import type { Actor } from '../../../../shared/roles';
import { checkPlainAppend } from '../../../../sync-server/sync/checkUpdate';
import { decodeDeviceUpdate, plainAppendedItems } from '../../../../sync-server/sync/checks/plainAppend';
import { OrderLog, type CheckedEntries } from '../../../../sync-server/sync/orderLog';
import { header, OUTLET_ACTOR, T0 } from '../../shared/order/fixtures';

const REF: DocRef = { kind: 'order', orderId: 'order-1' as OrderId };
const NOW = T0 + 3_600_000;
const note = (id: string, actor: Actor = OUTLET_ACTOR, at = T0 + 60_000) => ({
  id,
  type: 'note',
  at,
  by: { id: actor.id, role: actor.role },
  text: `note ${id}`,
});

/** The server's committed order and its log, which counts the values it parses. */
function committedOrder(): { server: Y.Doc; log: OrderLog; parses: () => number } {
  const server = new Y.Doc();
  createOrderDoc(server, header());
  let parsed = 0;
  const log = new OrderLog(server, (value) => {
    parsed += 1;
    return parseOrderEvent(value);
  });
  return { server, log, parses: () => parsed };
}

/** What a device with client id `client` sends after appending `values` to its copy of `server`. */
function appendFrom(server: Y.Doc, client: number, values: readonly unknown[]): Uint8Array {
  const device = new Y.Doc();
  device.clientID = client;
  Y.applyUpdate(device, Y.encodeStateAsUpdate(server));
  eventsArray(device).push([...values]);
  return Y.encodeStateAsUpdate(device, Y.encodeStateVector(server));
}

/** The plain-append check of `update` against the committed order: what it read, when accepted. */
function check(server: Y.Doc, log: OrderLog, update: Uint8Array): CheckedEntries {
  const decoded = decodeDeviceUpdate(update);
  if (!decoded.ok) throw new Error('undecodable');
  const items = plainAppendedItems(server, decoded.value);
  if (!items) throw new Error('not a plain append');
  const result = checkPlainAppend(items, OUTLET_ACTOR, REF, NOW, log);
  if (!result.ok || !result.value.checked) throw new Error(`refused: ${result.ok ? 'nothing checked' : result.error.message}`);
  return result.value.checked;
}

const noteTexts = (log: OrderLog): string[] => log.orderView()?.state.applied.flatMap((e) => (e.type === 'note' ? [e.text] : [])) ?? [];

describe('the order log of a checked update', () => {
  it('parses each event once, from the check to the commit', () => {
    const { server, log, parses } = committedOrder();
    const update = appendFrom(server, 101, [note('a'), note('b')]);
    const before = parses();
    const checked = check(server, log, update);
    log.applyChecked(checked, () => Y.applyUpdate(server, update));
    expect(parses() - before).toBe(2);
    expect(log.hasEvent(EventIdSchema.parse('a'))).toBe(true);
    expect(noteTexts(log)).toEqual(['note a', 'note b']);
  });

  it('reads the document when what is applied is not what was checked', () => {
    const { server, log } = committedOrder();
    const checked = check(server, log, appendFrom(server, 101, [note('a')]));
    log.applyChecked(checked, () => Y.applyUpdate(server, appendFrom(server, 102, [note('b')])));
    expect(noteTexts(log)).toEqual(['note b']);
  });

  it('reads the document when the log changed after the check, even for the same entry ids', () => {
    const { server, log } = committedOrder();
    const checked = check(server, log, appendFrom(server, 101, [note('a')]));
    Y.applyUpdate(server, appendFrom(server, 102, [note('b', OUTLET_ACTOR, T0 + 61_000)]));
    // The same client and clock as the checked entry, other content: only a stale check could confuse them.
    const sameIds = appendFrom(server, 101, [note('c', OUTLET_ACTOR, T0 + 62_000)]);
    log.applyChecked(checked, () => Y.applyUpdate(server, sameIds));
    expect(noteTexts(log)).toEqual(['note b', 'note c']);
  });
});
