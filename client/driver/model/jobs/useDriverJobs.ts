import { useCallback, useRef, useSyncExternalStore } from 'react';
import { driverInboxName, orderDocName } from '../../../../shared/docNames';
import type { OrderId, UserId } from '../../../../shared/ids';
import { inboxOrderIds } from '../../../../shared/inbox';
import { readOrder } from '../../../../shared/order/orderDoc';
import type { Device } from '../../../common/device/device';
import { useDevice } from '../../../common/device/DeviceContext';
import type { DriverJob } from './driverJobs';

interface Cached {
  readonly version: number;
  readonly jobs: readonly DriverJob[];
}

/**
 * Reads every order the driver's inbox lists, re-reading only the documents that changed: a driver's
 * inbox keeps months of finished jobs, and one GPS-paced change should not re-fold all of them.
 */
class JobReader {
  private readonly perDoc = new Map<string, DriverJob | null>();
  private version = 0;
  private cached: Cached | null = null;

  constructor(
    private readonly device: Device,
    readonly inboxName: string,
  ) {}

  readonly subscribe = (onChange: () => void): (() => void) => {
    const stopDocs = this.device.onDocChange((name) => {
      if (name !== this.inboxName && !this.perDoc.has(name)) return;
      this.perDoc.delete(name);
      this.version += 1;
      onChange();
    });
    const stopDevice = this.device.subscribe(() => {
      this.perDoc.clear();
      this.version += 1;
      onChange();
    });
    return () => {
      stopDocs();
      stopDevice();
    };
  };

  readonly getSnapshot = (): readonly DriverJob[] => {
    if (this.cached?.version === this.version) return this.cached.jobs;
    const inbox = this.device.heldDoc(this.inboxName);
    const ids: OrderId[] = inbox ? inboxOrderIds(inbox) : [];
    const jobs: DriverJob[] = [];
    for (const id of ids) {
      const name = orderDocName(id);
      let job = this.perDoc.get(name);
      if (job === undefined) {
        const doc = this.device.heldDoc(name);
        const view = doc ? readOrder(doc) : null;
        job = view ? { orderId: id, view, syncState: this.device.docSyncState(name) } : null;
        // A document still loading is remembered as absent until its load, a change, clears that.
        this.perDoc.set(name, job);
      }
      if (job) jobs.push(job);
    }
    this.cached = { version: this.version, jobs };
    return jobs;
  };
}

/** Every order the driver's inbox lists that is on the phone, as its document reads now. */
export function useDriverJobs(driverId: UserId): readonly DriverJob[] {
  const device = useDevice();
  const reader = useRef<JobReader | null>(null);
  const inboxName = driverInboxName(driverId);
  if (reader.current === null || reader.current.inboxName !== inboxName) reader.current = new JobReader(device, inboxName);
  const current = reader.current;
  const subscribe = useCallback((onChange: () => void) => current.subscribe(onChange), [current]);
  return useSyncExternalStore(subscribe, current.getSnapshot);
}
