import type * as Y from 'yjs';
import type { LatLng } from '../../shared/catalog/zones';
import { counterArrival } from '../../shared/dispatch/arrival';
import type { OrderId, OutletId, UserId } from '../../shared/ids';
import { inboxMap } from '../../shared/inbox';
import { currentAssignment } from '../../shared/order/assignment';
import type { OrderView } from '../../shared/order/orderDoc';
import { trackMap, type OutletWaiting } from '../../shared/track';
import type { Logger } from '../log';
import { KeyedSerial } from '../serial';
import type { OrderIndex } from '../storage/orderIndex';
import type { DocHooks, DocRegistry } from '../sync/docRegistry';
import type { SyncedDoc } from '../sync/syncedDoc';
import type { TrackDriverSource } from './trackDrivers';
import { noteCounterArrival } from './counterArrival';
import { LastProjected } from './lastProjected';
import { trackView } from './trackView';

/** What the index and the inboxes are projected from: status, driver (and since when), payment. */
const indexKey = (view: OrderView): string =>
  `${view.state.status}|${view.state.driverId ?? ''}|${currentAssignment(view.state)?.at ?? ''}|${view.state.payment.status}`;

/**
 * What the tracking link shows of the order itself; the driver's name and position, and the outlet's
 * notices, are projected again when they change (trackPositions, OutletNotices), not on commits.
 */
const trackKey = (view: OrderView): string => `${view.state.driverId ?? ''}|${JSON.stringify(trackView(view, null))}`;

function setInbox(doc: Y.Doc, orderId: OrderId, placedAt: number | null): void {
  const map = inboxMap(doc);
  if (placedAt === null) map.delete(orderId);
  else if (!map.has(orderId)) map.set(orderId, { placedAt });
}

/**
 * Keeps everything derived from order documents in step after each commit: the SQL index
 * (status, assigned driver), the inboxes, the `track:` projection, and who may keep holding the order.
 */
export function orderProjections(
  registry: DocRegistry,
  orders: OrderIndex,
  log: Logger,
  trackDriver: TrackDriverSource,
  outletWaiting: (orderId: OrderId) => OutletWaiting | null = () => null,
): DocHooks & {
  placed(view: OrderView): Promise<void>;
  /** Writes the order's tracking projection again from the order and its driver as they are now. */
  refreshTrack(orderId: OrderId): Promise<void>;
  /** The driver reported a position: the outlet hears when they reach its counter for this order. */
  driverPositioned(driverId: UserId, orderId: OrderId): Promise<void>;
  /** Resolves once every projection write started so far has finished (a writer about to close its storage). */
  settled(): Promise<void>;
} {
  const pending = new Set<Promise<void>>();
  const run = (what: string, p: Promise<void>): void => {
    const tracked = p.catch((err: unknown) => log.error(`projection failed: ${what}`, { error: String(err) }));
    pending.add(tracked);
    void tracked.then(() => pending.delete(tracked));
  };

  // One refresh at a time per order, each reading the order and driver when it runs: a slow refresh
  // can never overwrite a newer one with what it read earlier.
  const trackWrites = new KeyedSerial<OrderId>();
  const refreshTrack = (orderId: OrderId): Promise<void> =>
    trackWrites.run(orderId, async () => {
      const row = await orders.get(orderId);
      if (!row) return;
      const view = await registry.withDoc({ kind: 'order', orderId }, (doc) => doc.orderView());
      if (!view) return;
      const code = view.header.deliveryCode ? await orders.deliveryCode(orderId) : null;
      const next = trackView(view, view.state.driverId ? await trackDriver(view.state.driverId) : null, outletWaiting(orderId), code);
      const token = row.trackingToken;
      await registry.withDoc({ kind: 'track', token }, (doc) =>
        doc.change((y) => {
          if (JSON.stringify(trackMap(y).get('view') ?? null) !== JSON.stringify(next)) trackMap(y).set('view', next);
        }),
      );
    });

  const setOutletInbox = (outletId: OutletId, orderId: OrderId, placedAt: number): Promise<void> =>
    registry.withDoc({ kind: 'outletInbox', outletId }, (doc) => doc.change((y) => setInbox(y, orderId, placedAt)));

  // Names the order's driver in the outlet's inbox entry (first name, as on the tracking link), or none,
  // with when they should reach the counter from where their device last was.
  const setOutletDriver = async (
    outletId: OutletId,
    outlet: LatLng,
    orderId: OrderId,
    driverId: UserId | null,
    assignedAt: number | null,
  ): Promise<void> => {
    const driver = driverId ? await trackDriver(driverId) : null;
    const firstName = driver?.firstName ?? null;
    const position = driver?.position ?? null;
    const expected = position ? { expectedAt: counterArrival(position, outlet, assignedAt) } : {};
    await registry.withDoc({ kind: 'outletInbox', outletId }, (doc) =>
      doc.change((y) => {
        const entry = inboxMap(y).get(orderId);
        if (!entry) return;
        const { driver: _gone, ...rest } = entry;
        inboxMap(y).set(orderId, driverId && firstName ? { ...rest, driver: { id: driverId, firstName, ...expected } } : rest);
      }),
    );
  };

  const setDriverInbox = (driverId: UserId, orderId: OrderId, placedAt: number | null): Promise<void> =>
    registry.withDoc({ kind: 'driverInbox', driverId }, (doc) => doc.change((y) => setInbox(y, orderId, placedAt)));

  const indexed = new LastProjected();
  const tracked = new LastProjected();

  /** The order index row, the inboxes and who may hold the order, brought in step with the order as committed now. */
  const projectIndex = async (doc: SyncedDoc, orderId: OrderId): Promise<void> => {
    const row = await orders.get(orderId);
    // Read after the await: the index follows the latest committed state, whichever commit ran this.
    const view = doc.orderView();
    if (!view || !row) return;
    const { status, driverId } = view.state;
    if (row.status !== status || row.driverId !== driverId)
      await orders.update(row.id, driverId, status, currentAssignment(view.state)?.at ?? null);
    // The payment was confirmed: now the outlet gets the order, as a cash order gets there when placed.
    if (row.status === 'awaiting_payment' && view.state.payment.status === 'paid')
      run('outlet inbox', setOutletInbox(view.header.outletId, row.id, view.header.createdAt));
    if (row.driverId !== driverId) {
      if (row.driverId) run('driver inbox', setDriverInbox(row.driverId, row.id, null));
      if (driverId) run('driver inbox', setDriverInbox(driverId, row.id, view.header.createdAt));
      run(
        'outlet inbox driver',
        setOutletDriver(view.header.outletId, view.header.outlet, row.id, driverId, currentAssignment(view.state)?.at ?? null),
      );
      for (const subscriber of [...doc.subscribers]) {
        const actor = subscriber.actor;
        if (actor?.role === 'driver' && actor.id !== driverId) {
          doc.removeSubscriber(subscriber);
          subscriber.dropped(doc, 'forbidden');
        }
      }
    }
    indexed.record(doc, indexKey(view));
  };

  return {
    refreshTrack,
    // Awaited by the upload that reported the position, which must not fail for it: logged, not thrown.
    driverPositioned: (driverId, orderId) =>
      noteCounterArrival(registry, trackDriver, driverId, orderId).catch((err: unknown) =>
        log.error('projection failed: counter arrival', { error: String(err) }),
      ),
    async settled() {
      while (pending.size > 0) await Promise.all(pending);
    },
    async placed(view) {
      const { id, outletId, createdAt } = view.header;
      // An unpaid card order is not the outlet's yet: its inbox gets it when the payment is confirmed (afterCommit).
      const forOutlet = view.state.status !== 'awaiting_payment';
      await Promise.all([
        forOutlet ? setOutletInbox(outletId, id, createdAt) : Promise.resolve(),
        registry.withDoc({ kind: 'adminInbox' }, (doc) => doc.change((y) => setInbox(y, id, createdAt))),
        refreshTrack(id),
      ]);
    },
    async afterCommit(doc: SyncedDoc) {
      if (doc.ref.kind !== 'order') return;
      const orderId = doc.ref.orderId;
      const seen = doc.orderView();
      if (!seen) return;
      if (!indexed.holds(doc, indexKey(seen))) await projectIndex(doc, orderId);
      const view = doc.orderView();
      if (!view) return;
      const key = trackKey(view);
      if (tracked.holds(doc, key)) return;
      // Recorded once written: a refresh that failed is tried again by the next commit, as before.
      run(
        'track',
        refreshTrack(orderId).then(() => tracked.record(doc, key)),
      );
    },
  };
}
