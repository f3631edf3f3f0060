import type * as Y from 'yjs';
import { orderDocName, outletInboxName } from '../../shared/docNames';
import { newEventId, OrderIdSchema, OutletIdSchema } from '../../shared/ids';
import { inboxMap } from '../../shared/inbox';
import { PipelineDevice } from './device';
import type { RoundRobin, Session } from './http';
import type { PipelineTracker } from './tracker';

export const DEMO_OUTLET = OutletIdSchema.parse('demo-outlet');

/** Which tablet takes an order: a stable split, so each order is answered once and the work is shared. */
function ownerOf(orderId: string, tablets: number): number {
  let h = 0;
  for (let i = 0; i < orderId.length; i++) h = (h * 31 + orderId.charCodeAt(i)) >>> 0;
  return h % tablets;
}

/**
 * The outlet's tablets: each holds the outlet inbox; the one an order falls to opens it, appends
 * `accepted` and then `ready` as the outlet user, and closes it again, as staff tapping Accept and
 * Ready would (without the kitchen's minutes in between: the bench measures the system, not the cook).
 */
export class OutletTablets {
  private constructor(private readonly devices: readonly PipelineDevice[]) {}

  static async start(nodes: RoundRobin, outlet: Session, count: number, tracker: PipelineTracker): Promise<OutletTablets> {
    const devices: PipelineDevice[] = [];
    const inbox = outletInboxName(DEMO_OUTLET);
    for (let i = 0; i < count; i++) {
      const device = await PipelineDevice.connect(nodes.at(i), outlet.token, `tablet ${i + 1}`);
      const doc = await device.subscribe(inbox);
      watch(doc, (orderId) => {
        if (ownerOf(orderId, count) === i) void handle(device, outlet, orderId, tracker);
      });
      devices.push(device);
    }
    return new OutletTablets(devices);
  }

  get connected(): number {
    return this.devices.filter((d) => d.open).length;
  }

  async close(): Promise<void> {
    await Promise.all(this.devices.map((d) => d.close()));
  }
}

/** Calls `added` once for every order that appears in the inbox after the tablet subscribed. */
function watch(doc: Y.Doc, added: (orderId: string) => void): void {
  const seen = new Set(inboxMap(doc).keys());
  inboxMap(doc).observe((event) => {
    for (const [key, change] of event.changes.keys) {
      if (change.action !== 'add' || seen.has(key)) continue;
      seen.add(key);
      added(key);
    }
  });
}

async function handle(device: PipelineDevice, outlet: Session, orderId: string, tracker: PipelineTracker): Promise<void> {
  const name = orderDocName(OrderIdSchema.parse(orderId));
  const by = { id: outlet.userId, role: 'outlet' };
  let stage = 'outlet open';
  try {
    await device.subscribe(name);
    stage = 'outlet accept';
    await device.append(name, { id: newEventId(), type: 'accepted', at: Date.now(), by, prepMinutes: 15 });
    tracker.mark(orderId, 'accepted');
    stage = 'outlet ready';
    await device.append(name, { id: newEventId(), type: 'ready', at: Date.now(), by });
    tracker.mark(orderId, 'ready');
  } catch (err: unknown) {
    tracker.error(stage, err);
  } finally {
    device.unsubscribe(name);
  }
}
