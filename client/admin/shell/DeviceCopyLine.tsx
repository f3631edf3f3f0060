import type { ConnectionState } from '../../common/sync/reconnectingSocket';
import { clockTime } from '../../common/ui/clockTime';
import { StatusLine, type StatusPart } from '../../common/ui/StatusLine';

/**
 * One line that answers "how fresh is what I see, and what has not reached the server?": offline, the
 * orders, alerts and positions are this device's copy from when it was last connected; changes made
 * here wait on this device until it reconnects.
 */
export function DeviceCopyLine({
  connection,
  lastOnlineAt,
  unsyncedOrders,
}: {
  readonly connection: ConnectionState;
  readonly lastOnlineAt: number | null;
  readonly unsyncedOrders: number;
}) {
  const parts: StatusPart[] = [];
  if (connection.status !== 'online') {
    parts.push({
      text:
        lastOnlineAt === null
          ? 'Not in touch with the server yet: nothing shown is live'
          : `Showing this device’s copy from ${clockTime(lastOnlineAt)}, when it was last connected: orders, alerts and positions may have moved on`,
      tone: 'warn',
    });
  }
  if (unsyncedOrders > 0) {
    parts.push({
      text: `${unsyncedOrders === 1 ? '1 order has' : `${unsyncedOrders} orders have`} changes saved only on this device`,
      tone: 'warn',
    });
  }
  return <StatusLine label="What is only on this device" parts={parts} />;
}
