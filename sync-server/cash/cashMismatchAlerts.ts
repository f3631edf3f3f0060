import { adminAlertsMap, alertKey, cashMismatchKey, type AdminAlert } from '../../shared/adminAlerts';
import { readLedger } from '../../shared/cash/ledgerEntries';
import { reconcileCash, type Handover } from '../../shared/cash/reconcile';
import { ADMIN_INBOX } from '../../shared/docNames';
import type { UserId } from '../../shared/ids';
import { formatMoney } from '../../shared/money';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { OutletRepo } from '../storage/outletRepo';
import type { UserRepo } from '../storage/users';
import type { DocHooks, DocRegistry } from '../sync/docRegistry';
import type { SyncedDoc } from '../sync/syncedDoc';
import type { Waker } from '../wake/waker';

export interface CashAlertDeps {
  readonly registry: DocRegistry;
  readonly users: Pick<UserRepo, 'findById'>;
  readonly outlets: Pick<OutletRepo, 'list'>;
  readonly waker: Waker;
  readonly clock: Clock;
  readonly log: Logger;
}

/** A pair whose two sides are both in and disagree, as reconcileCash reports it. */
type Mismatch = Handover & { readonly handed: NonNullable<Handover['handed']>; readonly received: NonNullable<Handover['received']> };
const isPaired = (h: Handover): h is Mismatch => h.handed !== null && h.received !== null;

/**
 * Flags cash mismatches to admins from the server, so an admin is told even if no admin device has
 * opened that driver's ledger: after every commit to a `cash:<driverId>` ledger it reconciles it
 * (shared reconcileCash, as every device does) and keeps `inbox:admin`'s alerts in step, one alert per
 * handover (`cash_mismatch:<driverId>:<handed id>`), raised once and resolved once it reconciles (a
 * recount). Keyed and compared with what is stored, so a replay or a restart raises nothing twice.
 */
export function cashMismatchAlerts(d: CashAlertDeps): DocHooks {
  // The mismatches last settled for each loaded ledger: most commits (collections) change none, and cost no write.
  const noted = new WeakMap<SyncedDoc, string>();
  return {
    afterCommit(doc) {
      if (doc.ref.kind !== 'cashLedger') return;
      const { driverId } = doc.ref;
      const mismatches = reconcileCash(readLedger(doc.ydoc)).mismatches.filter(isPaired);
      const seen = mismatches.map((h) => `${h.handed.id}:${h.handed.amount}:${h.received.amount}`).join(',');
      if (noted.get(doc) === seen) return;
      return settle(d, driverId, mismatches).then(() => {
        noted.set(doc, seen);
      });
    },
  };
}

async function settle(d: CashAlertDeps, driverId: UserId, mismatches: readonly Mismatch[]): Promise<void> {
  const wanted = new Map(mismatches.map((h) => [cashMismatchKey(driverId, h.handed.id), h]));
  const prefix = alertKey('cash_mismatch', `${driverId}:`);
  const now = d.clock.now();
  const fresh = await d.registry.withDoc({ kind: 'adminInbox' }, async (inbox) => {
    const stored = adminAlertsMap(inbox.ydoc);
    // New, or raised again after it was resolved (a later recount that disagrees once more).
    const raise = [...wanted].filter(([key]) => {
      const known = stored.get(key);
      return !known || known.resolvedAt !== null;
    });
    const over = [...stored.entries()].filter(([key, a]) => key.startsWith(prefix) && a.resolvedAt === null && !wanted.has(key));
    if (raise.length === 0 && over.length === 0) return [];
    const messages = await messagesFor(d, driverId, raise);
    await inbox.change((y) => {
      const alerts = adminAlertsMap(y);
      for (const [key, a] of over) alerts.set(key, { ...a, resolvedAt: now });
      for (const [key, alert] of messages) alerts.set(key, alert);
    });
    return messages;
  });
  for (const [key, alert] of fresh) {
    d.log.info('admin alert', { key, message: alert.message });
    void d.waker.wake(
      { kind: 'admins' },
      { dabba: '1', kind: 'admin_alert', docs: [ADMIN_INBOX], title: 'Needs attention', body: alert.message, open: '/admin/', tag: key },
    );
  }
}

/** "Ravi Kumar handed ₹100.00 to Dabba Demo Kitchen; ₹80.00 was counted there." */
async function messagesFor(d: CashAlertDeps, driverId: UserId, raise: readonly [string, Mismatch][]): Promise<[string, AdminAlert][]> {
  if (raise.length === 0) return [];
  const driver = (await d.users.findById(driverId))?.name ?? 'A driver';
  const outlets = new Map((await d.outlets.list()).map((o) => [o.id, o.name]));
  const now = d.clock.now();
  return raise.map(([key, h]) => {
    const outletId = h.party.kind === 'outlet' ? h.party.outletId : null;
    const party = outletId === null ? 'the office' : (outlets.get(outletId) ?? 'an outlet');
    const money = (amount: number): string => formatMoney(amount, h.currency);
    const message = `${driver} handed ${money(h.handed.amount)} to ${party}; ${money(h.received.amount)} was counted there.`;
    const alert: AdminAlert = {
      kind: 'cash_mismatch',
      outletId,
      orderId: null,
      driverId,
      message,
      since: h.at,
      raisedAt: now,
      resolvedAt: null,
    };
    return [key, alert];
  });
}
