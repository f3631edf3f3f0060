import { useEffect } from 'react';
import type * as Y from 'yjs';
import { orderDocName } from '../../../shared/docNames';
import type { OrderId, UserId } from '../../../shared/ids';
import { readOrder } from '../../../shared/order/orderDoc';
import { isTerminal } from '../../../shared/order/status';
import { useDevice } from '../../common/device/DeviceContext';
import { useHeldDoc } from '../../common/device/useHeldDoc';
import { SyncBadge } from '../../common/ui/SyncBadge';
import { clockTime } from '../../common/ui/clockTime';
import { JOB_STATUS } from '../jobs/jobText';
import { HOME_HREF } from '../shell/useDriverRoute';
import { DropoffStep } from './DropoffStep';
import { JobFinished } from './JobFinished';
import { PickupStep } from './PickupStep';

const readView = (doc: Y.Doc | undefined) => (doc ? readOrder(doc) : null);

/** One job, one step at a time: pickup, then drop-off, then how it ended. */
export function JobScreen({ orderId, driverId }: { readonly orderId: OrderId; readonly driverId: UserId }) {
  const device = useDevice();
  const { value: view, syncState } = useHeldDoc(orderDocName(orderId), readView);

  // Straight after Accept, or after a restart, the order may not be loaded yet: load it first.
  useEffect(() => void device.holdOrder(orderId), [device, orderId]);

  const back = (
    <a className="button button--quiet" href={HOME_HREF}>
      All jobs
    </a>
  );
  if (!view) {
    return (
      <div className="job">
        {back}
        <p role="status" className="empty">
          Waiting for the order to reach this phone…
        </p>
      </div>
    );
  }
  const { state } = view;
  const mine = state.driverId === driverId;
  const conflicts = state.conflicts.filter((c) => c.event.by.id === driverId);
  return (
    <div className="job" data-status={state.status}>
      <div className="job__head">
        {back}
        <p className="job__status" role="status">
          {JOB_STATUS[state.status]}
        </p>
        <SyncBadge state={syncState} />
      </div>
      {conflicts.map((c) => (
        <p key={c.event.id} className="error" role="alert">
          Your “{c.event.type.replace('_', ' ')}” at {clockTime(c.event.at)} did not count: {c.reason}.
        </p>
      ))}
      {!mine && !isTerminal(state.status) ? (
        <p className="notice" role="alert">
          This order is no longer assigned to you.
        </p>
      ) : null}
      {mine && !isTerminal(state.status) && state.status !== 'picked_up' ? <PickupStep orderId={orderId} view={view} /> : null}
      {mine && state.status === 'picked_up' ? <DropoffStep orderId={orderId} view={view} /> : null}
      {isTerminal(state.status) ? <JobFinished orderId={orderId} view={view} /> : null}
    </div>
  );
}
