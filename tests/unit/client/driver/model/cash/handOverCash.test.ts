import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { handOverCash } from '../../../../../../client/driver/model/cash/handOverCash';
import { handoverTargets, handoverText, OFFICE, readCash } from '../../../../../../client/driver/model/cash/cashModel';
import type { DriverJob } from '../../../../../../client/driver/model/jobs/driverJobs';
import { ledgerMap } from '../../../../../../shared/cash/ledgerEntries';
import { cashLedgerName } from '../../../../../../shared/docNames';
import { newEventId } from '../../../../../../shared/ids';
import { readOrder } from '../../../../../../shared/order/orderDoc';
import { DRIVER1_ACTOR, OUTLET_ACTOR, OUTLET_ID } from '../../../../shared/order/fixtures';
import { assignedDeliveryDoc, docsOf } from '../../../support/orderDocs';

const KITCHEN = { kind: 'outlet', outletId: OUTLET_ID } as const;

describe('handing cash over from the driver app', () => {
  it('saves the driver’s side on the phone, waiting for the outlet’s record', () => {
    const ledger = new Y.Doc();
    const ctx = { actor: DRIVER1_ACTOR, docs: docsOf({ [cashLedgerName(DRIVER1_ACTOR.id)]: ledger }) };
    expect(handOverCash(ctx, KITCHEN, 12_000, 'INR')).toEqual({ ok: true });
    const cash = readCash(ledger);
    expect(cash.handovers).toMatchObject([{ state: 'awaiting_receiver', amount: 12_000 }]);
    expect(cash.balances).toEqual([{ currency: 'INR', collected: 0, handedOver: 12_000, holding: -12_000 }]);
    const [first] = cash.handovers;
    expect(first && handoverText(first, () => 'Dabba Kitchen')).toBe('₹120.00 to Dabba Kitchen — waiting for their record');
  });

  it('refuses no amount, and says so when the ledger is not on the phone yet', () => {
    const ledger = new Y.Doc();
    const ctx = { actor: DRIVER1_ACTOR, docs: docsOf({ [cashLedgerName(DRIVER1_ACTOR.id)]: ledger }) };
    expect(handOverCash(ctx, KITCHEN, 0, 'INR').ok).toBe(false);
    expect(handOverCash({ actor: DRIVER1_ACTOR, docs: docsOf({}) }, KITCHEN, 100, 'INR').ok).toBe(false);
    expect(ledgerMap(ledger).size).toBe(0);
  });

  it('offers the outlets of the jobs on the phone, then the office', () => {
    const view = readOrder(assignedDeliveryDoc(DRIVER1_ACTOR.id, true));
    if (!view) throw new Error('no order');
    const job: DriverJob = { orderId: view.header.id, view, syncState: 'synced' };
    expect(handoverTargets([job, job]).map((t) => t.label)).toEqual([view.header.outlet.name, OFFICE.label]);
  });

  it('words a mismatch with both amounts', () => {
    const ledger = new Y.Doc();
    const at = Date.now();
    const by = DRIVER1_ACTOR.id;
    const h = { id: newEventId(), kind: 'handed', at, by, party: KITCHEN, amount: 10_000, currency: 'INR' };
    const r = { id: newEventId(), kind: 'received', at, by: OUTLET_ACTOR.id, party: KITCHEN, amount: 9_000, currency: 'INR' };
    ledgerMap(ledger).set(h.id, h);
    ledgerMap(ledger).set(r.id, r);
    const [mismatch] = readCash(ledger).mismatches;
    expect(mismatch && handoverText(mismatch, () => 'Dabba Kitchen')).toBe(
      '₹100.00 handed to Dabba Kitchen, ₹90.00 counted there — MISMATCH',
    );
  });
});
