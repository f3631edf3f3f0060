import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cashDrivers } from '../../../../../../client/outlet/model/cash/cashDrivers';
import { receiveCash } from '../../../../../../client/outlet/model/cash/receiveCash';
import { readLedger } from '../../../../../../shared/cash/ledgerEntries';
import { cashLedgerName } from '../../../../../../shared/docNames';
import { readOrder } from '../../../../../../shared/order/orderDoc';
import { DRIVER1_ACTOR, DRIVER2_ACTOR, OUTLET_ACTOR, OUTLET_ID } from '../../../../shared/order/fixtures';
import { assignedDeliveryDoc, docsOf } from '../../../support/orderDocs';

describe('receiving cash at the outlet', () => {
  it('writes the counter’s side into the driver’s ledger, for this outlet, by the signed-in staff', () => {
    const ledger = new Y.Doc();
    const ctx = { actor: OUTLET_ACTOR, docs: docsOf({ [cashLedgerName(DRIVER1_ACTOR.id)]: ledger }) };
    expect(receiveCash(ctx, DRIVER1_ACTOR.id, 12_000, 'INR')).toEqual({ ok: true });
    expect(readLedger(ledger)).toMatchObject([
      { kind: 'received', amount: 12_000, by: OUTLET_ACTOR.id, party: { kind: 'outlet', outletId: OUTLET_ID } },
    ]);
  });

  it('refuses a driver, no amount, or a ledger not on the tablet yet', () => {
    const ledger = new Y.Doc();
    const docs = docsOf({ [cashLedgerName(DRIVER1_ACTOR.id)]: ledger });
    expect(receiveCash({ actor: DRIVER1_ACTOR, docs }, DRIVER1_ACTOR.id, 100, 'INR').ok).toBe(false);
    expect(receiveCash({ actor: OUTLET_ACTOR, docs }, DRIVER1_ACTOR.id, 0, 'INR').ok).toBe(false);
    expect(receiveCash({ actor: OUTLET_ACTOR, docs }, DRIVER2_ACTOR.id, 100, 'INR').ok).toBe(false);
    expect(readLedger(ledger)).toEqual([]);
  });

  it('offers the drivers of the orders on the tablet, named by the orders they carried', () => {
    const views = [assignedDeliveryDoc(DRIVER1_ACTOR.id, true), assignedDeliveryDoc(DRIVER2_ACTOR.id, true)].flatMap((d) => {
      const view = readOrder(d);
      return view ? [view] : [];
    });
    const drivers = cashDrivers(views);
    expect(drivers.map((d) => d.driverId).sort()).toEqual([DRIVER1_ACTOR.id, DRIVER2_ACTOR.id].sort());
    expect(drivers[0]?.label).toMatch(/^Driver of #/);
    expect(drivers[0]?.currency).toBe('INR');
  });
});
