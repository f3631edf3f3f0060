import { dispatchMap, type DispatchEntry, type DispatchOffer, type DispatchPass } from '../../shared/adminDispatch';
import type { OrderId, UserId } from '../../shared/ids';
import type { WrittenAlong } from '../storage/docStore';
import type { DriverRepo } from '../storage/drivers';
import type { DocRegistry } from '../sync/docRegistry';

const ADMIN_INBOX = { kind: 'adminInbox' } as const;
/** Passes kept per order: an order nobody takes is tried again every round, and admins need the latest. */
const MAX_PASSES = 20;

/** What changes in an order's entry: an offer made or ended, a driver passing, nobody to offer it to. */
export type DispatchChange =
  | { readonly kind: 'offered'; readonly driverId: UserId; readonly offeredAt: number; readonly expiresAt: number }
  | { readonly kind: 'offer_ended' }
  | {
      readonly kind: 'passed';
      readonly driverId: UserId;
      readonly reason: DispatchPass['reason'];
      readonly said: string | null;
      readonly at: number;
    }
  | { readonly kind: 'waiting'; readonly now: number };

/** `driverName`: of the change's driver, for the changes that name one. */
function apply(entry: DispatchEntry, change: DispatchChange, driverName: string): DispatchEntry {
  switch (change.kind) {
    case 'offered': {
      const offer: DispatchOffer = {
        driverId: change.driverId,
        driverName,
        offeredAt: change.offeredAt,
        expiresAt: change.expiresAt,
      };
      return { ...entry, offer, waitingSince: null };
    }
    case 'offer_ended':
      return { ...entry, offer: null };
    case 'passed': {
      const known = entry.passes.some((p) => p.driverId === change.driverId && p.reason === change.reason && p.at === change.at);
      if (known) return entry;
      const pass: DispatchPass = {
        driverId: change.driverId,
        driverName,
        reason: change.reason,
        said: change.said,
        at: change.at,
      };
      return {
        ...entry,
        offer: entry.offer?.driverId === change.driverId ? null : entry.offer,
        passes: [...entry.passes, pass].slice(-MAX_PASSES),
      };
    }
    case 'waiting':
      return entry.offer ? entry : { ...entry, waitingSince: entry.waitingSince ?? change.now };
  }
}

/**
 * Dispatch's work shown to admins: one entry per delivery waiting for a driver in `inbox:admin`'s
 * dispatch map (shared/adminDispatch.ts). Called from inside dispatch's queue, so its writes follow the
 * decisions in order; each write leaves the document unchanged when the entry already says it.
 */
export class AdminDispatchMirror {
  /** Orders with an entry, so settling every other order's commit costs no document read. */
  private readonly mirrored = new Set<OrderId>();

  /** `fence`: written with every change (a dispatch leader's); `fresh`: other nodes write the inbox too, so it is caught up before it is read. */
  constructor(
    private readonly registry: DocRegistry,
    private readonly drivers: Pick<DriverRepo, 'get'>,
    private readonly fence: WrittenAlong | undefined,
    private readonly fresh: boolean,
  ) {}

  /** Reads which orders have an entry (after a restart); returns them so the caller can settle those no longer waiting. */
  async load(): Promise<OrderId[]> {
    const ids = await this.registry.withDoc(ADMIN_INBOX, async (doc) => {
      if (this.fresh) await doc.catchUp();
      return [...dispatchMap(doc.ydoc).keys()];
    });
    for (const id of ids) this.mirrored.add(id as OrderId);
    return [...this.mirrored];
  }

  has(orderId: OrderId): boolean {
    return this.mirrored.has(orderId);
  }

  async record(orderId: OrderId, change: DispatchChange): Promise<void> {
    this.mirrored.add(orderId);
    const driver = 'driverId' in change ? await this.drivers.get(change.driverId) : null;
    const driverName = driver?.name ?? 'A driver';
    await this.registry.withDoc(ADMIN_INBOX, (doc) =>
      doc.change((y) => {
        const map = dispatchMap(y);
        const current = map.get(orderId) ?? { orderId, offer: null, passes: [], waitingSince: null };
        const next = apply(current, change, driverName);
        if (JSON.stringify(next) !== JSON.stringify(map.get(orderId))) map.set(orderId, next);
      }, this.fence),
    );
  }

  /** The order no longer needs a driver: its entry goes. */
  settle(orderId: OrderId): Promise<void> {
    if (!this.mirrored.delete(orderId)) return Promise.resolve();
    return this.registry.withDoc(ADMIN_INBOX, (doc) =>
      doc.change((y) => {
        if (dispatchMap(y).has(orderId)) dispatchMap(y).delete(orderId);
      }, this.fence),
    );
  }
}
