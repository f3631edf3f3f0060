import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { receiveCash } from '../../../../../client/common/commands/receiveCash';
import { recountCash } from '../../../../../client/common/commands/recountCash';
import { handOverCash } from '../../../../../client/driver/model/cash/handOverCash';
import { readLedger, type LedgerEntryOf } from '../../../../../shared/cash/ledgerEntries';
import { reconcileCash } from '../../../../../shared/cash/reconcile';
import { cashLedgerName } from '../../../../../shared/docNames';
import { DRIVER1_ACTOR, OUTLET_ACTOR, OUTLET_ID } from '../../../shared/order/fixtures';
import { docsOf } from '../../support/orderDocs';

describe('recounting a side of a handover', () => {
  const ledger = new Y.Doc();
  const docs = docsOf({ [cashLedgerName(DRIVER1_ACTOR.id)]: ledger });
  const kitchen = { kind: 'outlet', outletId: OUTLET_ID } as const;
  expect(handOverCash({ actor: DRIVER1_ACTOR, docs }, kitchen, 27_000, 'INR').ok).toBe(true);
  expect(receiveCash({ actor: OUTLET_ACTOR, docs }, DRIVER1_ACTOR.id, 25_000, 'INR').ok).toBe(true);
  const counted = readLedger(ledger).find((e): e is LedgerEntryOf<'received'> => e.kind === 'received');
  if (!counted) throw new Error('the count was not written');

  it('is refused to anyone but that side’s author, and without an amount', () => {
    expect(recountCash({ actor: DRIVER1_ACTOR, docs }, DRIVER1_ACTOR.id, counted, 27_000).ok).toBe(false);
    expect(recountCash({ actor: OUTLET_ACTOR, docs }, DRIVER1_ACTOR.id, counted, 0).ok).toBe(false);
    expect(reconcileCash(readLedger(ledger)).mismatches).toHaveLength(1);
  });

  it('lets the outlet correct its count, which settles the handover', () => {
    expect(recountCash({ actor: OUTLET_ACTOR, docs }, DRIVER1_ACTOR.id, counted, 27_000)).toEqual({ ok: true });
    const result = reconcileCash(readLedger(ledger));
    expect(result.mismatches).toEqual([]);
    expect(result.handovers).toMatchObject([{ state: 'settled', amount: 27_000, received: { id: counted.id } }]);
  });
});
