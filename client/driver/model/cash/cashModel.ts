import { readLedger, type Counterparty } from '../../../../shared/cash/ledgerEntries';
import { reconcileCash, type CashReconciliation, type Handover } from '../../../../shared/cash/reconcile';
import type { OutletId } from '../../../../shared/ids';
import { formatMoney } from '../../../../shared/money';
import type * as Y from 'yjs';
import type { DriverJob } from '../jobs/driverJobs';

/** Where the driver may hand cash in: the outlets of the jobs on the phone (offline too), or the office. */
export interface HandoverTarget {
  readonly key: string;
  readonly label: string;
  readonly party: Counterparty;
}

export const OFFICE: HandoverTarget = { key: 'admin', label: 'The office (an admin)', party: { kind: 'admin' } };

export function handoverTargets(jobs: readonly DriverJob[]): HandoverTarget[] {
  const outlets = new Map<OutletId, string>();
  for (const job of jobs) outlets.set(job.view.header.outletId, job.view.header.outlet.name);
  const targets = [...outlets].map(([outletId, name]): HandoverTarget => ({
    key: `outlet:${outletId}`,
    label: name,
    party: { kind: 'outlet', outletId },
  }));
  return [...targets.sort((a, b) => a.label.localeCompare(b.label)), OFFICE];
}

/** The ledger as the phone holds it now; an empty one before the document has arrived. */
export const readCash = (doc: Y.Doc | undefined): CashReconciliation => reconcileCash(doc ? readLedger(doc) : []);

const STATE_WORDS: { readonly [S in Handover['state']]: string } = {
  settled: 'confirmed',
  mismatch: 'MISMATCH',
  awaiting_receiver: 'waiting for their record',
  awaiting_driver: 'they recorded it; you did not',
};

/** One handover in words: "₹1,200.00 to Demo Kitchen — confirmed", or both amounts when they differ. */
export function handoverText(h: Handover, nameOf: (party: Counterparty) => string): string {
  const to = nameOf(h.party);
  const money = (amount: number): string => formatMoney(amount, h.currency);
  if (h.state === 'mismatch' && h.handed && h.received)
    return `${money(h.handed.amount)} handed to ${to}, ${money(h.received.amount)} counted there — ${STATE_WORDS.mismatch}`;
  return `${money(h.amount)} to ${to} — ${STATE_WORDS[h.state]}`;
}
