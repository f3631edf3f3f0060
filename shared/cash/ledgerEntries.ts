import type * as Y from 'yjs';
import { z } from 'zod';
import { EventIdSchema, OrderIdSchema, OutletIdSchema, UserIdSchema } from '../ids';
import { MoneySchema } from '../money';

/**
 * A driver's cash ledger, document `cash:<driverId>`: Y.Map('entries') of entry id → entry, each written
 * once by the device that made it and never changed or removed (the server checks it, see
 * shared/cash/ledgerRules.ts). Entries are facts from one side each; `reconcileCash` pairs them.
 */
export const LEDGER_ENTRIES = 'entries';

/** Device clocks, as order events' `at`. */
const at = z.number().int().min(1_577_836_800_000).max(4_102_444_800_000);
const currency = z.string().length(3);

/** Who the cash went to: an outlet's staff, or an admin (the office). */
export const counterpartySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('outlet'), outletId: OutletIdSchema }).strict(),
  z.object({ kind: z.literal('admin') }).strict(),
]);
export type Counterparty = z.infer<typeof counterpartySchema>;

const base = { id: EventIdSchema, at, amount: MoneySchema, currency };
/**
 * A recount: this side of a handover stands in for the earlier entry it names (same kind, party and
 * currency, itself no recount), which no longer counts. Entries are never changed, so a miscount is
 * corrected by a new entry everyone sees (see shared/cash/recounts.ts).
 */
const replaces = EventIdSchema.optional();

export const ledgerEntrySchema = z.discriminatedUnion('kind', [
  /** The driver took the order's cash at the door: the ledger's copy of the order's `cash_collected`. */
  z.object({ ...base, kind: z.literal('collected'), by: UserIdSchema, orderId: OrderIdSchema }).strict(),
  /** The driver's side of a handover: "I handed ₹X to <party>". */
  z.object({ ...base, kind: z.literal('handed'), by: UserIdSchema, party: counterpartySchema, replaces }).strict(),
  /** The receiver's side: "<party> received ₹Y from this driver", by outlet staff (for their outlet) or an admin. */
  z.object({ ...base, kind: z.literal('received'), by: UserIdSchema, party: counterpartySchema, replaces }).strict(),
]);
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;
export type LedgerEntryOf<K extends LedgerEntry['kind']> = Extract<LedgerEntry, { kind: K }>;

export const ledgerMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>(LEDGER_ENTRIES);

/** The valid entries a ledger document holds; anything else (no app writes it, the server refuses it) is skipped. */
export function readLedger(doc: Y.Doc): LedgerEntry[] {
  const entries: LedgerEntry[] = [];
  for (const [key, value] of ledgerMap(doc).entries()) {
    const parsed = ledgerEntrySchema.safeParse(value);
    if (parsed.success && parsed.data.id === key) entries.push(parsed.data);
  }
  return entries;
}

/** The valid entry filed under `id`, or null. */
export function ledgerEntryIn(doc: Y.Doc, id: string): LedgerEntry | null {
  const parsed = ledgerEntrySchema.safeParse(ledgerMap(doc).get(id));
  return parsed.success && parsed.data.id === id ? parsed.data : null;
}

export const counterpartyKey = (c: Counterparty): string => (c.kind === 'outlet' ? `outlet:${c.outletId}` : 'admin');
