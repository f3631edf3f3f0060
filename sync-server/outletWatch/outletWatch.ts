import { ADMIN_INBOX, orderDocName, outletInboxName } from '../../shared/docNames';
import { adminAlertsMap, alertKey, type AdminAlert } from '../../shared/adminAlerts';
import { OUTLET_ROOTS, readCatalog } from '../../shared/catalog/outletDoc';
import { STATUS_KEYS, type Paused } from '../../shared/catalog/outletStatus';
import type { OrderId, OutletId } from '../../shared/ids';
import { inboxMap } from '../../shared/inbox';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { Presence } from '../presence/presence';
import type { OrderIndex } from '../storage/orderIndex';
import type { OutletRepo } from '../storage/outletRepo';
import type { DocRegistry } from '../sync/docRegistry';
import type { Waker } from '../wake/waker';
import type { OutletNotices } from './outletNotices';
import { planOutlet, WATCH_ALERT_KINDS, type OutletSight, type WatchAction, type WatchLimits } from './watchPlan';

export interface OutletWatchDeps {
  readonly registry: DocRegistry;
  readonly orders: OrderIndex;
  readonly outlets: OutletRepo;
  readonly presence: Pick<Presence, 'devicesOfOutlet'>;
  readonly waker: Waker;
  readonly notices: OutletNotices;
  readonly clock: Clock;
  readonly log: Logger;
  readonly limits: WatchLimits;
  readonly checkEveryMs: number;
}

/** Resolved alerts stay this long so an admin who looks later still sees what happened. */
const RESOLVED_ALERTS_KEPT_MS = 24 * 3_600_000;

export const OFFLINE_PAUSE_REASON = "the restaurant's tablet is offline";

/**
 * Tells an outlet that is offline from one that is slow, every `checkEveryMs`: it reads presence and
 * the waiting orders, asks planOutlet what to do, and does it through the outlet, inbox and admin
 * documents, so every decision is durable and visible to devices, and a restart repeats nothing
 * (alerts are keyed, escalations and pauses are stored). Only "offline since" is this node's memory:
 * after a restart an outlet counts as offline from then, which errs on the side of not pausing.
 */
export class OutletWatch {
  private readonly offlineSince = new Map<OutletId, number>();
  private cancel: (() => void) | null = null;
  private running: Promise<void> | null = null;
  private closed = false;

  constructor(private readonly d: OutletWatchDeps) {}

  start(): void {
    this.schedule();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.cancel?.();
    this.cancel = null;
    await this.running;
  }

  /** One look at every outlet; failures are logged and the next look tries again. */
  async check(): Promise<void> {
    const now = this.d.clock.now();
    const waiting = new Map<OutletId, { orderId: OrderId; placedAt: number }[]>();
    for (const row of await this.d.orders.awaitingOutlet()) {
      const list = waiting.get(row.outletId) ?? [];
      list.push({ orderId: row.id, placedAt: row.createdAt });
      waiting.set(row.outletId, list);
    }
    this.d.notices.retain(new Set([...waiting.values()].flat().map((w) => w.orderId)));
    const raised = new Set<string>();
    for (const outlet of await this.d.outlets.list()) {
      try {
        const sight = await this.look(outlet.id, outlet.name, waiting.get(outlet.id) ?? [], now);
        for (const action of planOutlet(sight, now, this.d.limits)) await this.act(action, now, raised);
      } catch (err: unknown) {
        this.d.log.error('outlet watch failed for an outlet', { outletId: outlet.id, error: String(err) });
      }
    }
    await this.settleAlerts(raised, now);
  }

  private async look(
    outletId: OutletId,
    name: string,
    waiting: { orderId: OrderId; placedAt: number }[],
    now: number,
  ): Promise<OutletSight> {
    const live = (await this.d.presence.devicesOfOutlet(outletId)).length > 0;
    if (live) this.offlineSince.delete(outletId);
    else if (!this.offlineSince.has(outletId)) this.offlineSince.set(outletId, now);
    const paused = await this.d.registry.withDoc({ kind: 'outlet', outletId }, (doc) => readCatalog(doc.ydoc)?.paused ?? null);
    const escalated = waiting.length
      ? await this.d.registry.withDoc({ kind: 'outletInbox', outletId }, (doc) => {
          const map = inboxMap(doc.ydoc);
          return new Set(waiting.filter((w) => map.get(w.orderId)?.escalatedAt !== undefined).map((w) => w.orderId));
        })
      : new Set<OrderId>();
    return {
      outletId,
      name,
      live,
      offlineSince: this.offlineSince.get(outletId) ?? null,
      paused,
      waiting: waiting.map((w) => ({ ...w, escalated: escalated.has(w.orderId) })),
    };
  }

  private async act(action: WatchAction, now: number, raised: Set<string>): Promise<void> {
    switch (action.type) {
      case 'pause': {
        const paused: Paused = { until: null, reason: OFFLINE_PAUSE_REASON, at: now, auto: 'tablet_offline' };
        await this.d.registry.withDoc({ kind: 'outlet', outletId: action.outletId }, (doc) =>
          doc.change((y) => y.getMap(OUTLET_ROOTS.status).set(STATUS_KEYS.paused, paused)),
        );
        this.d.log.info('ordering paused: no device of the outlet is online while orders wait', { outletId: action.outletId });
        return;
      }
      case 'resume': {
        await this.d.registry.withDoc({ kind: 'outlet', outletId: action.outletId }, (doc) =>
          doc.change((y) => {
            // Only the pause the watch made: one staff set since (no `auto`) is theirs to lift.
            if (readCatalog(y)?.paused?.auto === 'tablet_offline') y.getMap(OUTLET_ROOTS.status).delete(STATUS_KEYS.paused);
          }),
        );
        this.d.log.info('ordering resumed: a device of the outlet is back', { outletId: action.outletId });
        return;
      }
      case 'escalate': {
        await this.d.registry.withDoc({ kind: 'outletInbox', outletId: action.outletId }, (doc) =>
          doc.change((y) => {
            const entry = inboxMap(y).get(action.orderId);
            if (entry && entry.escalatedAt === undefined) inboxMap(y).set(action.orderId, { ...entry, escalatedAt: now });
          }),
        );
        const mins = Math.max(1, Math.round(action.waitedMs / 60_000));
        void this.d.waker.wake(
          { kind: 'outlet', outletId: action.outletId, escalate: true },
          {
            dabba: '1',
            kind: 'unanswered',
            docs: [orderDocName(action.orderId), outletInboxName(action.outletId)],
            title: `An order has waited ${mins} min`,
            body: 'A customer is waiting for you to accept or reject their order.',
            open: '/outlet/#/board',
            tag: `order-${action.orderId}`,
          },
        );
        return;
      }
      case 'alert': {
        const key = alertKey(action.kind, action.orderId ?? action.outletId);
        raised.add(key);
        const outcome = { fresh: false };
        await this.d.registry.withDoc({ kind: 'adminInbox' }, (doc) =>
          doc.change((y) => {
            const known = adminAlertsMap(y).get(key);
            outcome.fresh = !known || known.resolvedAt !== null;
            if (!outcome.fresh) return;
            const alert: AdminAlert = {
              kind: action.kind,
              outletId: action.outletId,
              orderId: action.orderId,
              message: action.message,
              since: action.since,
              raisedAt: now,
              resolvedAt: null,
            };
            adminAlertsMap(y).set(key, alert);
          }),
        );
        if (!outcome.fresh) return;
        this.d.log.info('admin alert', { key, message: action.message });
        void this.d.waker.wake(
          { kind: 'admins' },
          {
            dabba: '1',
            kind: 'admin_alert',
            docs: [ADMIN_INBOX],
            title: 'Needs attention',
            body: action.message,
            open: '/admin/',
            tag: key,
          },
        );
        return;
      }
      case 'notice':
        this.d.notices.set(action.orderId, action.waiting);
        return;
    }
  }

  /** The watch's alerts not raised in this look are over; resolved ones (of any kind) go after a day. */
  private async settleAlerts(raised: ReadonlySet<string>, now: number): Promise<void> {
    await this.d.registry.withDoc({ kind: 'adminInbox' }, (doc) =>
      doc.change((y) => {
        const alerts = adminAlertsMap(y);
        const over = [...alerts.entries()].filter(([key, a]) => a.resolvedAt === null && WATCH_ALERT_KINDS.has(a.kind) && !raised.has(key));
        const stale = [...alerts.entries()].filter(([, a]) => a.resolvedAt !== null && now - a.resolvedAt > RESOLVED_ALERTS_KEPT_MS);
        for (const [key, a] of over) alerts.set(key, { ...a, resolvedAt: now });
        for (const [key] of stale) alerts.delete(key);
      }),
    );
  }

  private schedule(): void {
    if (this.closed) return;
    this.cancel = this.d.clock.after(this.d.checkEveryMs, () => {
      this.cancel = null;
      this.running = this.check()
        .catch((err: unknown) => this.d.log.error('outlet watch failed', { error: String(err) }))
        .finally(() => {
          this.running = null;
          this.schedule();
        });
    });
  }
}
