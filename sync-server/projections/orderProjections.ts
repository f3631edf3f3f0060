import type * as Y from 'yjs';
import { ADMIN_INBOX, driverInboxName, outletInboxName, trackDocName } from '../../shared/docNames';
import type { OrderId, TrackingToken, UserId } from '../../shared/ids';
import { inboxMap } from '../../shared/inbox';
import { readOrder, type OrderView } from '../../shared/order/orderDoc';
import { trackMap, type TrackView } from '../../shared/track';
import type { Logger } from '../log';
import type { OrderIndex } from '../storage/orderIndex';
import type { DocHooks, DocRegistry } from '../sync/docRegistry';
import type { SyncedDoc } from '../sync/syncedDoc';

/** The public projection of an order: what a tracking link may show, and nothing more. */
export function trackView({ header, state }: OrderView): TrackView {
  return {
    status: state.status,
    orderType: header.type,
    outletName: header.outlet.name,
    outletPhone: header.outlet.phone,
    placedAt: header.createdAt,
    readyBy: state.readyBy,
    timeline: state.applied.filter((e) => e.type !== 'note' && e.type !== 'assigned' && e.type !== 'unassigned').map((e) => ({ type: e.type, at: e.at })),
    items: header.items.map((l) => ({ name: l.name, qty: l.qty })),
    total: header.totals.total,
    currency: header.currency,
  };
}

function setInbox(doc: Y.Doc, orderId: OrderId, placedAt: number | null): void {
  const map = inboxMap(doc);
  if (placedAt === null) map.delete(orderId);
  else if (!map.has(orderId)) map.set(orderId, { placedAt });
}

/**
 * Keeps everything derived from order documents in step after each commit: the SQL index
 * (status, assigned driver), the inboxes, the `track:` projection, and who may keep holding the order.
 */
export function orderProjections(registry: DocRegistry, orders: OrderIndex, log: Logger): DocHooks & {
  placed(view: OrderView): Promise<void>;
} {
  const run = (what: string, p: Promise<void>): void => {
    p.catch((err: unknown) => log.error(`projection failed: ${what}`, { error: String(err) }));
  };

  const writeTrack = (token: TrackingToken, view: TrackView): Promise<void> =>
    registry.change(trackDocName(token), { kind: 'track', token }, (doc) => {
      if (JSON.stringify(readCurrent(doc)) !== JSON.stringify(view)) doc.change((y) => trackMap(y).set('view', view));
    });

  const setDriverInbox = (driverId: UserId, orderId: OrderId, placedAt: number | null): Promise<void> =>
    registry.change(driverInboxName(driverId), { kind: 'driverInbox', driverId }, (doc) => doc.change((y) => setInbox(y, orderId, placedAt)));

  return {
    async placed(view) {
      const { id, outletId, createdAt } = view.header;
      const row = orders.get(id);
      await Promise.all([
        registry.change(outletInboxName(outletId), { kind: 'outletInbox', outletId }, (doc) => doc.change((y) => setInbox(y, id, createdAt))),
        registry.change(ADMIN_INBOX, { kind: 'adminInbox' }, (doc) => doc.change((y) => setInbox(y, id, createdAt))),
        row ? writeTrack(row.trackingToken, trackView(view)) : Promise.resolve(),
      ]);
    },
    afterCommit(doc: SyncedDoc) {
      if (doc.ref.kind !== 'order') return;
      const view = readOrder(doc.ydoc);
      const row = orders.get(doc.ref.orderId);
      if (!view || !row) return;
      const { status, driverId } = view.state;
      if (row.status !== status || row.driverId !== driverId) orders.update(row.id, driverId, status);
      if (row.driverId !== driverId) {
        if (row.driverId) run('driver inbox', setDriverInbox(row.driverId, row.id, null));
        if (driverId) run('driver inbox', setDriverInbox(driverId, row.id, view.header.createdAt));
        for (const subscriber of [...doc.subscribers]) {
          const actor = subscriber.actor;
          if (actor?.role === 'driver' && actor.id !== driverId) {
            doc.removeSubscriber(subscriber);
            subscriber.dropped(doc, 'forbidden');
          }
        }
      }
      run('track', writeTrack(row.trackingToken, trackView(view)));
    },
  };
}

function readCurrent(doc: SyncedDoc): unknown {
  return trackMap(doc.ydoc).get('view') ?? null;
}
