import './availability.css';
import type { Catalog } from '../../../shared/catalog/outletDoc';
import type { OutletId } from '../../../shared/ids';
import { useOutletCommands } from '../catalog/useOutletCommands';
import type { DocSyncState } from '../store/db';
import { SyncBadge } from '../ui/SyncBadge';
import { useNow } from '../ui/useNow';
import { BusyControl } from './BusyControl';
import { MenuAvailability } from './MenuAvailability';
import { PauseControl } from './PauseControl';

/**
 * Pause, busy mode and "86": all written to the outlet's document on this device first, so they
 * work offline and reach the server (and the ordering page) when the network returns.
 */
export function AvailabilityScreen({
  outletId,
  catalog,
  syncState,
}: {
  readonly outletId: OutletId;
  readonly catalog: Catalog | null;
  readonly syncState: DocSyncState;
}) {
  const commands = useOutletCommands(outletId);
  // Entries end by themselves: the screen re-reads them every 15 s so an ended one shows as ended.
  const now = useNow(15_000);
  if (!catalog) {
    return (
      <p className="empty" role="status">
        The menu has not reached this device yet. Connect to the network once to load it.
      </p>
    );
  }
  return (
    <div className="availability">
      <p className="availability__sync">
        Changes here: <SyncBadge state={syncState} />
      </p>
      <div className="availability__panels">
        <PauseControl catalog={catalog} now={now} onPause={commands.pauseOrders} onResume={commands.resumeOrders} />
        <BusyControl catalog={catalog} now={now} onStart={commands.startBusy} onEnd={commands.endBusy} />
      </div>
      <MenuAvailability catalog={catalog} now={now} onUnavailable={commands.markUnavailable} onAvailable={commands.markAvailable} />
    </div>
  );
}
