import { deliveryEndedAt } from '../../../../shared/order/assignment';
import type { OrderView } from '../../../../shared/order/orderDoc';
import { isTerminal } from '../../../../shared/order/status';
import type { DocSyncState } from '../../../common/store/db';

/** An order the driver holds, as its document reads now. */
export interface DriverJob {
  readonly orderId: string;
  readonly view: OrderView;
  /** Whether the driver's latest changes to it are only on this phone. */
  readonly syncState: DocSyncState;
}

export interface JobLists {
  /** Assigned to this driver and not finished, oldest first: the order to work them in. */
  readonly active: readonly DriverJob[];
  /** Finished by this driver since `since`, newest first. */
  readonly finished: readonly DriverJob[];
}

/**
 * Splits the orders on the phone into the driver's work and today's finished jobs. An order taken
 * off this driver (reassigned by an admin) is in neither, even while its document is still here.
 */
export function jobLists(jobs: readonly DriverJob[], driverId: string, since: number): JobLists {
  const mine = jobs.filter((j) => j.view.state.driverId === driverId);
  const active = mine.filter((j) => !isTerminal(j.view.state.status)).sort((a, b) => a.view.header.createdAt - b.view.header.createdAt);
  const endOf = (j: DriverJob): number => deliveryEndedAt(j.view.state) ?? j.view.header.createdAt;
  const finished = mine.filter((j) => isTerminal(j.view.state.status) && endOf(j) >= since).sort((a, b) => endOf(b) - endOf(a));
  return { active, finished };
}
