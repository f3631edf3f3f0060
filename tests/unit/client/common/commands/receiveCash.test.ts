import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { receiveCash } from '../../../../../client/common/commands/receiveCash';
import { readLedger } from '../../../../../shared/cash/ledgerEntries';
import { cashLedgerName } from '../../../../../shared/docNames';
import { ADMIN_ACTOR, DRIVER1_ACTOR, DRIVER2_ACTOR, OUTLET_ACTOR, OUTLET_ID } from '../../../shared/order/fixtures';
import { docsOf } from '../../support/orderDocs';

describe('receiving cash from a driver', () => {
  it('writes the counter’s side into the driver’s ledger, for this outlet, by the signed-in staff', () => {
    const ledger = new Y.Doc();
    const ctx = { actor: OUTLET_ACTOR, docs: docsOf({ [cashLedgerName(DRIVER1_ACTOR.id)]: ledger }) };
    expect(receiveCash(ctx, DRIVER1_ACTOR.id, 12_000, 'INR')).toEqual({ ok: true });
    expect(readLedger(ledger)).toMatchObject([
      { kind: 'received', amount: 12_000, by: OUTLET_ACTOR.id, party: { kind: 'outlet', outletId: OUTLET_ID } },
    ]);
  });

  it('writes an admin’s count as received by the office', () => {
    const ledger = new Y.Doc();
    const ctx = { actor: ADMIN_ACTOR, docs: docsOf({ [cashLedgerName(DRIVER1_ACTOR.id)]: ledger }) };
    expect(receiveCash(ctx, DRIVER1_ACTOR.id, 27_000, 'INR')).toEqual({ ok: true });
    expect(readLedger(ledger)).toMatchObject([{ kind: 'received', amount: 27_000, by: ADMIN_ACTOR.id, party: { kind: 'admin' } }]);
  });

  it('refuses a driver, no amount, or a ledger not on the device yet', () => {
    const ledger = new Y.Doc();
    const docs = docsOf({ [cashLedgerName(DRIVER1_ACTOR.id)]: ledger });
    expect(receiveCash({ actor: DRIVER1_ACTOR, docs }, DRIVER1_ACTOR.id, 100, 'INR').ok).toBe(false);
    expect(receiveCash({ actor: OUTLET_ACTOR, docs }, DRIVER1_ACTOR.id, 0, 'INR').ok).toBe(false);
    expect(receiveCash({ actor: OUTLET_ACTOR, docs }, DRIVER2_ACTOR.id, 100, 'INR').ok).toBe(false);
    expect(readLedger(ledger)).toEqual([]);
  });
});
